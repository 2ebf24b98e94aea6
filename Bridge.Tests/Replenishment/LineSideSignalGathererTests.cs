using System.Threading.Channels;
using Bridge.Host.Processes.Replenishment;

namespace Bridge.Tests.Replenishment;

/// <summary>
/// How the signal consumer cuts batches: what has arrived goes at once unless the previous batch closed less than a
/// window ago; a batch holds at most the limit, deliveries (packs) whole. Time is a manual clock: nothing sleeps.
/// </summary>
public sealed class LineSideSignalGathererTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly Channel<int> _deliveries = Channel.CreateUnbounded<int>();
    private readonly ManualClock _clock = new();

    /// <summary>Each delivery is an int: the number of signals it holds.</summary>
    private LineSideSignalGatherer<int> Gatherer(int limit = 100) => new(_deliveries.Reader, d => d, _clock, Window, limit);

    private void Queue(params int[] deliveries)
    {
        foreach (var d in deliveries)
            _deliveries.Writer.TryWrite(d).ShouldBeTrue();
    }

    [Fact]
    public async Task FirstBatch_TakesWhatHasArrived_WithoutWaiting()
    {
        Queue(1, 1, 1);
        var batch = new List<int>();

        var gathering = Gatherer().GatherAsync(batch, CancellationToken.None);

        gathering.IsCompletedSuccessfully.ShouldBeTrue();
        await gathering;
        batch.ShouldBe([1, 1, 1]);
    }

    [Fact]
    public async Task BatchRightAfterTheLast_WaitsOutItsWindow_AndTakesWhatArrivesMeanwhile()
    {
        var gatherer = Gatherer();
        Queue(1);
        await gatherer.GatherAsync([], CancellationToken.None);
        Queue(2);
        var batch = new List<int>();

        var gathering = gatherer.GatherAsync(batch, CancellationToken.None);
        gathering.IsCompleted.ShouldBeFalse();
        Queue(3);
        _clock.Advance(Window);
        await gathering.WaitAsync(Wait);

        batch.ShouldBe([2, 3]);
    }

    [Fact]
    public async Task BatchAfterACommitLongerThanTheWindow_GoesAtOnce()
    {
        var gatherer = Gatherer();
        Queue(1);
        await gatherer.GatherAsync([], CancellationToken.None);
        // The first batch's commit took a whole window: what arrived meanwhile waits no longer.
        _clock.Advance(Window);
        Queue(2, 3);
        var batch = new List<int>();

        var gathering = gatherer.GatherAsync(batch, CancellationToken.None);

        gathering.IsCompletedSuccessfully.ShouldBeTrue();
        await gathering;
        batch.ShouldBe([2, 3]);
    }

    [Fact]
    public async Task AtTheLimit_TheBatchCloses_WithItsLastPackWhole_AndTheRestWaitsForTheNext()
    {
        var gatherer = Gatherer(limit: 7);
        Queue(3, 3, 3, 3, 3);
        var first = new List<int>();
        await gatherer.GatherAsync(first, CancellationToken.None).WaitAsync(Wait);
        _clock.Advance(Window);
        var second = new List<int>();
        await gatherer.GatherAsync(second, CancellationToken.None).WaitAsync(Wait);

        first.ShouldBe([3, 3, 3]);
        second.ShouldBe([3, 3]);
    }

    /// <summary>A clock that moves only when told; its timers fire as it passes their time.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private readonly Lock _gate = new();
        private readonly List<ManualTimer> _timers = [];
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            lock (_gate)
                return _ticks;
        }

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(GetTimestamp());

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = new ManualTimer(this, callback, state);
            timer.Change(dueTime, period);
            return timer;
        }

        public void Advance(TimeSpan by)
        {
            List<ManualTimer> due;
            lock (_gate)
            {
                _ticks += by.Ticks;
                due = _timers.Where(t => t.Due <= _ticks).ToList();
                _timers.RemoveAll(due.Contains);
            }

            foreach (var timer in due)
                timer.Fire();
        }

        private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
        {
            public long Due { get; private set; }

            public void Fire() => callback(state);

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                lock (clock._gate)
                {
                    clock._timers.Remove(this);
                    if (dueTime == Timeout.InfiniteTimeSpan)
                        return true;
                    Due = clock._ticks + dueTime.Ticks;
                    clock._timers.Add(this);
                }

                return true;
            }

            public void Dispose()
            {
                lock (clock._gate)
                    clock._timers.Remove(this);
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
