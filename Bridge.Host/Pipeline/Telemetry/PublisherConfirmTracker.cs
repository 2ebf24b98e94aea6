using RabbitMQ.Client;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// Publisher confirms of one channel, tracked per batch instead of per message: a batch is registered with the
/// sequence number of its first message before it is published, the channel's <c>basic.ack</c>/<c>basic.nack</c>
/// (single or multiple) and its shutdown resolve it, and its task completes once with how many of its messages from
/// the start were acknowledged. RabbitMQ.Client's own tracking keeps a task, a dictionary entry and a wait per message
/// and walks every outstanding message on each multiple ack; a telemetry batch needs one answer.
/// </summary>
public sealed class PublisherConfirmTracker
{
    private readonly object _gate = new();
    private readonly List<TrackedBatch> _open = new();
    private bool _failed;

    /// <summary>A tracker fed by <paramref name="channel"/>'s acks, nacks and shutdown (a channel with confirms on and the client's tracking off).</summary>
    public static PublisherConfirmTracker For(IChannel channel)
    {
        var tracker = new PublisherConfirmTracker();
        channel.BasicAcksAsync += (_, e) =>
        {
            tracker.Acknowledge(e.DeliveryTag, e.Multiple);
            return Task.CompletedTask;
        };
        channel.BasicNacksAsync += (_, e) =>
        {
            tracker.Refuse(e.DeliveryTag, e.Multiple);
            return Task.CompletedTask;
        };
        channel.ChannelShutdownAsync += (_, _) =>
        {
            tracker.Fail();
            return Task.CompletedTask;
        };
        return tracker;
    }

    /// <summary>Registers messages <paramref name="first"/> … first + count − 1; completes with how many from the start were acknowledged.</summary>
    public Task<int> Track(ulong first, int count)
    {
        var batch = new TrackedBatch(first, count);
        lock (_gate)
        {
            if (_failed || count == 0)
                batch.Resolve();
            else
                _open.Add(batch);
        }

        return batch.Done.Task;
    }

    /// <summary>Messages from <paramref name="index"/> on of the batch starting at <paramref name="first"/> were never sent: they count as refused.</summary>
    public void Abandon(ulong first, int index)
    {
        lock (_gate)
        {
            var batch = _open.Find(b => b.First == first);
            if (batch is null)
                return;
            for (var i = index; i < batch.Count; i++)
                batch.Settle(i, acknowledged: false);
            Sweep();
        }
    }

    public void Acknowledge(ulong tag, bool multiple) => Settle(tag, multiple, acknowledged: true);

    public void Refuse(ulong tag, bool multiple) => Settle(tag, multiple, acknowledged: false);

    /// <summary>The channel is gone: whatever is not acknowledged now never will be.</summary>
    public void Fail()
    {
        lock (_gate)
        {
            _failed = true;
            foreach (var batch in _open)
                batch.Resolve();
            _open.Clear();
        }
    }

    private void Settle(ulong tag, bool multiple, bool acknowledged)
    {
        lock (_gate)
        {
            foreach (var batch in _open)
            {
                if (tag < batch.First)
                    break;
                if (multiple)
                    batch.SettleThrough(tag, acknowledged);
                else if (tag <= batch.Last)
                    batch.Settle((int)(tag - batch.First), acknowledged);
            }

            Sweep();
        }
    }

    private void Sweep()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Unsettled != 0)
                continue;
            _open[i].Resolve();
            _open.RemoveAt(i);
        }
    }

    private sealed class TrackedBatch(ulong first, int count)
    {
        // null: not yet settled; true: acknowledged; false: refused.
        private readonly bool?[] _settled = new bool?[count];
        private int _throughMultiple;

        public ulong First { get; } = first;
        public int Count { get; } = count;
        public ulong Last => First + (ulong)Count - 1;
        public int Unsettled { get; private set; } = count;
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void SettleThrough(ulong tag, bool acknowledged)
        {
            var through = (int)Math.Min((ulong)Count, tag - First + 1);
            for (; _throughMultiple < through; _throughMultiple++)
                Settle(_throughMultiple, acknowledged);
        }

        public void Settle(int index, bool acknowledged)
        {
            if (_settled[index] is not null)
                return;
            _settled[index] = acknowledged;
            Unsettled--;
        }

        /// <summary>How many from the start were acknowledged (anything not settled by now counts as not).</summary>
        public void Resolve()
        {
            var confirmed = 0;
            while (confirmed < Count && _settled[confirmed] == true)
                confirmed++;
            Done.TrySetResult(confirmed);
        }
    }
}
