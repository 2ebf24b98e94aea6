using System.Threading.Channels;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// Takes encoded telemetry and hands it to the bus in batches with publisher confirms; <see cref="TakeAsync"/>
/// returns only once its records are confirmed by the broker or written and fsynced to the local
/// <see cref="TelemetryBuffer"/>, so an adapter acknowledges nothing Bridge could still lose. Up to
/// <see cref="TelemetryOptions.BatchesInFlight"/> batches are sent before the confirms of the oldest arrive (the
/// broker's confirm latency is waited for once per window, not once per batch); they are settled in the order they
/// were sent. When one is not confirmed in full, its rest and every batch sent after it go to the buffer, in order.
/// While the buffer holds anything, new records go behind it and it is forwarded first, which keeps the order. When
/// the buffer is full, <see cref="TakeAsync"/> does not return (the adapter stops acknowledging: backpressure) —
/// nothing is dropped. One loop does all of it, so there is no race between sending, forwarding and appending.
/// </summary>
public sealed class TelemetryPipeline : IAsyncDisposable
{
    private readonly ITelemetryPublisher _publisher;
    private readonly TelemetryBuffer _buffer;
    private readonly TelemetryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _incoming;
    private readonly Queue<SentBatch> _sent = new();
    private readonly HashSet<Pending> _open = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _nextBusAttempt;
    private bool _reportedFull;
    private Task<bool>? _readable;
    private int _queued;
    private TaskCompletionSource? _full;
    private Task? _loop;

    public TelemetryPipeline(ITelemetryPublisher publisher, TelemetryOptions options, TimeProvider time, ILogger<TelemetryPipeline> logger)
    {
        _publisher = publisher;
        _options = options;
        _time = time;
        _logger = logger;
        _buffer = new TelemetryBuffer(options.BufferDirectory, options.MaxBufferBytes, options.SegmentBytes);
        _incoming = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(options.BatchSize * 4, 64)) { SingleReader = true });
        if (!_buffer.IsEmpty)
            Log.Recovered(logger, _buffer.PendingRecords);
    }

    /// <summary>Records in the local buffer, not yet forwarded.</summary>
    public long Buffered => _buffer.PendingRecords;

    /// <summary>Raised after each attempt to reach the bus and each append, for tests that wait on the loop.</summary>
    public event Action? Progressed;

    public void Start() => _loop ??= Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Completes once every record is confirmed by the bus or durably buffered; throws when stopped first (canceled, or the channel closed).</summary>
    public async Task TakeAsync(IReadOnlyList<TelemetryRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
            return;
        // No linked token per reading: once stopped, DisposeAsync refuses whatever is queued or open, and a write
        // after that finds the channel closed. Done's continuations run where Settle completes it (see there).
        var pending = new Pending(records, new TaskCompletionSource());
        try
        {
            await _incoming.Writer.WriteAsync(pending, ct).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new OperationCanceledException("the telemetry pipeline is stopped");
        }

        if (Interlocked.Add(ref _queued, records.Count) >= _options.BatchSize)
            Volatile.Read(ref _full)?.TrySetResult();
        await pending.Done.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RunUntilFailureAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The loop must not end while the host runs: adapters would wait for ever on readings nobody takes.
                // What it held is refused (its adapter does not acknowledge it, the sender repeats it); the loop goes on.
                Log.LoopFailed(_logger, ex);
                _sent.Clear();
                Settle(_open.ToList(), ex);
                _open.Clear();
                _nextBusAttempt = _time.GetUtcNow() + _options.RetryDelay;
                try
                {
                    await Task.Delay(_options.RetryDelay, _time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunUntilFailureAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (!_buffer.IsEmpty)
            {
                await SettleAllAsync(ct).ConfigureAwait(false);
                await ForwardBufferedAsync(ct).ConfigureAwait(false);
            }

            await SettleConfirmedAsync(ct).ConfigureAwait(false);
            var batch = await NextBatchAsync(ct).ConfigureAwait(false);
            if (batch.Count == 0)
                continue;
            var records = batch.Count == 1 ? batch[0].Records : batch.SelectMany(p => p.Records).ToList();
            if (_buffer.IsEmpty && _time.GetUtcNow() >= _nextBusAttempt)
            {
                _sent.Enqueue(new SentBatch(batch, records, await _publisher.SendAsync(records, mayReconnect: _sent.Count == 0, ct).ConfigureAwait(false)));
                continue;
            }

            // The bus is out: what was sent before this batch is settled first, so the buffer keeps the order.
            await SettleAllAsync(ct).ConfigureAwait(false);
            await AppendAsync(records, ct).ConfigureAwait(false);
            Complete(batch);
        }
    }

    /// <summary>Settles the oldest sent batches whose confirms are in; waits for the oldest when the window is full.</summary>
    private async Task SettleConfirmedAsync(CancellationToken ct)
    {
        while (_sent.TryPeek(out var oldest) && (oldest.Confirmed.IsCompleted || _sent.Count >= Math.Max(1, _options.BatchesInFlight)))
            await SettleOldestAsync(ct).ConfigureAwait(false);
    }

    private async Task SettleAllAsync(CancellationToken ct)
    {
        while (_sent.Count > 0)
            await SettleOldestAsync(ct).ConfigureAwait(false);
    }

    private async Task SettleOldestAsync(CancellationToken ct)
    {
        var oldest = _sent.Dequeue();
        var confirmed = await ConfirmedAsync(oldest, ct).ConfigureAwait(false);
        if (confirmed == oldest.Records.Count)
        {
            Complete(oldest.Batch);
            Progressed?.Invoke();
            return;
        }

        // Not all confirmed: the rest and every batch sent after it go to the buffer, in the order they were sent.
        _nextBusAttempt = _time.GetUtcNow() + _options.RetryDelay;
        var rest = oldest.Records.Skip(confirmed).ToList();
        var settled = new List<List<Pending>> { oldest.Batch };
        while (_sent.TryDequeue(out var later))
        {
            rest.AddRange(later.Records.Skip(await ConfirmedAsync(later, ct).ConfigureAwait(false)));
            settled.Add(later.Batch);
        }

        await AppendAsync(rest, ct).ConfigureAwait(false);
        settled.ForEach(Complete);
    }

    private static async Task<int> ConfirmedAsync(SentBatch sent, CancellationToken ct)
    {
        try
        {
            return await sent.Confirmed.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <summary>Appends to the buffer; while it is full, forwards from it (or waits for the bus) until there is room.</summary>
    private async Task AppendAsync(IReadOnlyList<TelemetryRecord> records, CancellationToken ct)
    {
        while (records.Count > 0 && !_buffer.TryAppend(records))
        {
            if (!_reportedFull)
                Log.BufferFull(_logger, _buffer.PendingBytes);
            _reportedFull = true;
            Progressed?.Invoke();
            if (!await ForwardBufferedAsync(ct).ConfigureAwait(false))
                await Task.Delay(_options.RetryDelay, _time, ct).ConfigureAwait(false);
        }

        Progressed?.Invoke();
    }

    private void Complete(List<Pending> batch)
    {
        foreach (var pending in batch)
            _open.Remove(pending);
        Settle(batch, null);
    }

    /// <summary>
    /// Completes the takers' tasks from one thread-pool item per batch: their continuations (the adapter's ack of
    /// each reading) run there one after another — not a thread hop per reading, and not on this loop's thread.
    /// </summary>
    private static void Settle(List<Pending> batch, Exception? failure) => ThreadPool.UnsafeQueueUserWorkItem(static state =>
    {
        foreach (var pending in state.Batch)
        {
            if (state.Failure is null)
                pending.Done.TrySetResult();
            else
                pending.Done.TrySetException(state.Failure);
        }
    }, (Batch: batch, Failure: failure), preferLocal: false);

    /// <summary>Forwards one batch from the buffer when the bus may be tried again; true when it went.</summary>
    private async Task<bool> ForwardBufferedAsync(CancellationToken ct)
    {
        if (_time.GetUtcNow() < _nextBusAttempt)
            return false;
        var peeked = _buffer.Peek(_options.BatchSize);
        if (peeked.Count == 0)
            return false;
        var sent = await _publisher.SendAsync(peeked.Select(p => p.Record).ToList(), mayReconnect: true, ct).ConfigureAwait(false);
        var confirmed = await sent.ConfigureAwait(false);
        if (confirmed > 0)
        {
            _buffer.Commit(peeked[confirmed - 1].Next, confirmed, peeked.Take(confirmed).Sum(p => TelemetryBuffer.Size(p.Record)));
            _reportedFull = false;
            Log.Forwarded(_logger, confirmed, _buffer.PendingRecords);
        }

        if (confirmed < peeked.Count)
            _nextBusAttempt = _time.GetUtcNow() + _options.RetryDelay;
        Progressed?.Invoke();
        return confirmed == peeked.Count;
    }

    private async Task<List<Pending>> NextBatchAsync(CancellationToken ct)
    {
        var batch = new List<Pending>();
        var reader = _incoming.Reader;
        if (_sent.TryPeek(out var oldest))
        {
            // Batches are in flight: wait for a full batch or the oldest's confirms rather than send a few readings
            // now — fewer, fuller batches and one wake-up per confirm instead of one per reading; a reading waits for
            // one confirm at most. (Nothing in flight: whatever came goes at once.)
            if (!oldest.Confirmed.IsCompleted && Volatile.Read(ref _queued) < _options.BatchSize)
                await WaitForFullBatchAsync(oldest.Confirmed, ct).ConfigureAwait(false);
        }
        else if (!reader.TryPeek(out _))
        {
            if (_buffer.IsEmpty)
            {
                await Readable(ct).ConfigureAwait(false);
            }
            else
            {
                // Something is buffered: come back to forward it soon even when nothing new arrives. The clock is read
                // once: read twice, the second read can pass the retry time, and a wait of -1 ms is an infinite one.
                var wait = _nextBusAttempt - _time.GetUtcNow();
                await Task.WhenAny(Readable(ct), Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _time, ct)).ConfigureAwait(false);
            }

            ct.ThrowIfCancellationRequested();
        }

        var count = 0;
        while (count < _options.BatchSize && reader.TryRead(out var pending))
        {
            batch.Add(pending);
            _open.Add(pending);
            count += pending.Records.Count;
        }

        Interlocked.Add(ref _queued, -count);
        return batch;
    }

    /// <summary>Returns once <see cref="TelemetryOptions.BatchSize"/> records are queued or <paramref name="oldestConfirmed"/> completed.</summary>
    private async Task WaitForFullBatchAsync(Task<int> oldestConfirmed, CancellationToken ct)
    {
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A full fence between publishing the signal and reading the count: TakeAsync adds, then reads the signal.
        Interlocked.Exchange(ref _full, full);
        try
        {
            if (Volatile.Read(ref _queued) < _options.BatchSize)
                await Task.WhenAny(full.Task, oldestConfirmed).WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Exchange(ref _full, null);
        }
    }

    /// <summary>One outstanding wait for new records at a time, kept across loop turns that woke for something else.</summary>
    private Task<bool> Readable(CancellationToken ct)
    {
        if (_readable is { IsCompleted: true })
            _readable = null;
        return _readable ??= _incoming.Reader.WaitToReadAsync(ct).AsTask();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
            await _loop.ConfigureAwait(false);
        // Stopped first: what is still queued or open was not taken (its adapter does not acknowledge it).
        _incoming.Writer.TryComplete();
        while (_incoming.Reader.TryRead(out var queued))
            queued.Done.TrySetCanceled();
        foreach (var open in _open)
            open.Done.TrySetCanceled();
        _open.Clear();
        _buffer.Dispose();
        _stop.Dispose();
    }

    private sealed record Pending(IReadOnlyList<TelemetryRecord> Records, TaskCompletionSource Done);

    /// <summary>A batch handed to the bus whose confirms may not be in yet: how many of its records the broker confirmed.</summary>
    private sealed record SentBatch(List<Pending> Batch, IReadOnlyList<TelemetryRecord> Records, Task<int> Confirmed);
}
