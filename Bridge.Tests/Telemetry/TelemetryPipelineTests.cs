using Bridge.Host.Pipeline.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Tests.Telemetry;

/// <summary>The pipeline against a bus the test switches off and on: the buffer takes over, keeps the order, and pushes back when full.</summary>
public sealed class TelemetryPipelineTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly string _folder = Directory.CreateTempSubdirectory("bridge-pipeline-").FullName;

    [Fact]
    public async Task BusDown_ReadingsAreTakenIntoTheBuffer_AndForwardedInOrderOnceWhenItReturns()
    {
        var bus = new ScriptedPublisher();
        await using var pipeline = Start(bus, maxBytes: 1_000_000);
        for (var i = 0; i < 100; i++)
            await pipeline.TakeAsync([TelemetryBufferTests.Record(i)], CancellationToken.None);

        bus.Up = false;
        for (var i = 100; i < 300; i++)
            await pipeline.TakeAsync([TelemetryBufferTests.Record(i)], CancellationToken.None).WaitAsync(Timeout);
        pipeline.Buffered.ShouldBeGreaterThan(0);

        bus.Up = true;
        await WaitUntilAsync(() => pipeline.Buffered == 0);
        bus.Confirmed.Select(TelemetryBufferTests.Text).ShouldBe(Enumerable.Range(0, 300).Select(i => "reading " + i));
    }

    [Fact]
    public async Task BufferFull_TakeDoesNotReturn_UntilTheBusTakesSome_AndNothingIsDropped()
    {
        var bus = new ScriptedPublisher { Up = false };
        await using var pipeline = Start(bus, maxBytes: TelemetryBuffer.Size(TelemetryBufferTests.Record(0)) * 10);
        for (var i = 0; i < 10; i++)
            await pipeline.TakeAsync([TelemetryBufferTests.Record(i)], CancellationToken.None).WaitAsync(Timeout);

        var blocked = pipeline.TakeAsync([TelemetryBufferTests.Record(10)], CancellationToken.None);
        // Let the loop try the bus (down) a few times with the full buffer: the reading stays untaken.
        var attempts = bus.Attempts;
        await WaitUntilAsync(() => bus.Attempts >= attempts + 3);
        blocked.IsCompleted.ShouldBeFalse();

        bus.Up = true;
        await blocked.WaitAsync(Timeout);
        await WaitUntilAsync(() => pipeline.Buffered == 0);
        bus.Confirmed.Select(TelemetryBufferTests.Text).ShouldBe(Enumerable.Range(0, 11).Select(i => "reading " + i));
    }

    [Fact]
    public async Task StoppedBeforeTheBusConfirmed_TakeFails_SoTheReadingIsNotAcknowledged()
    {
        var bus = new ScriptedPublisher { Hold = new TaskCompletionSource() };
        var pipeline = Start(bus, 1_000_000);
        var taking = pipeline.TakeAsync([TelemetryBufferTests.Record(1)], CancellationToken.None);
        await WaitUntilAsync(() => bus.Attempts == 1);
        await pipeline.DisposeAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => taking);
        bus.Confirmed.ShouldBeEmpty();
    }

    [Fact]
    public async Task StoppedWithABatchSentAndReadingsQueued_EveryTakeFails_AndALaterTakeToo()
    {
        var bus = new ManualConfirmPublisher();
        var pipeline = Start(bus, 1_000_000, batchSize: 1, batchesInFlight: 1);
        var sent = pipeline.TakeAsync([TelemetryBufferTests.Record(1)], CancellationToken.None);
        await WaitUntilAsync(() => bus.Sent.Count == 1);
        // The window is full: these wait in the queue behind the unconfirmed batch.
        var queued = pipeline.TakeAsync([TelemetryBufferTests.Record(2)], CancellationToken.None);
        await pipeline.DisposeAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => sent.WaitAsync(Timeout));
        await Should.ThrowAsync<OperationCanceledException>(() => queued.WaitAsync(Timeout));
        await Should.ThrowAsync<OperationCanceledException>(() => pipeline.TakeAsync([TelemetryBufferTests.Record(3)], CancellationToken.None).WaitAsync(Timeout));
        bus.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ATakerBlocksAfterItsReadingWasTaken_TheLoopGoesOnSendingAndSettling()
    {
        // A batch's takers are completed off the loop's thread: an adapter slow to acknowledge does not stall the bus.
        var bus = new ManualConfirmPublisher();
        await using var pipeline = Start(bus, 1_000_000, batchSize: 1, batchesInFlight: 1);
        using var release = new ManualResetEventSlim();
        var first = pipeline.TakeAsync([TelemetryBufferTests.Record(1)], CancellationToken.None)
            .ContinueWith(_ => release.Wait(Timeout), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await WaitUntilAsync(() => bus.Sent.Count == 1);
        bus.Sent[0].Confirm.SetResult(1);

        var second = pipeline.TakeAsync([TelemetryBufferTests.Record(2)], CancellationToken.None);
        await WaitUntilAsync(() => bus.Sent.Count == 2);
        bus.Sent[1].Confirm.SetResult(1);
        await second.WaitAsync(Timeout);
        first.IsCompleted.ShouldBeFalse();

        release.Set();
        await first.WaitAsync(Timeout);
    }

    [Fact]
    public async Task SeveralBatchesAreSentBeforeTheFirstIsConfirmed_AndReadingsAreTakenInTheOrderSent()
    {
        var bus = new ManualConfirmPublisher();
        await using var pipeline = Start(bus, 1_000_000, batchSize: 1, batchesInFlight: 3);
        var first = pipeline.TakeAsync([TelemetryBufferTests.Record(1)], CancellationToken.None);
        await WaitUntilAsync(() => bus.Sent.Count == 1);
        var second = pipeline.TakeAsync([TelemetryBufferTests.Record(2)], CancellationToken.None);
        var third = pipeline.TakeAsync([TelemetryBufferTests.Record(3)], CancellationToken.None);
        await WaitUntilAsync(() => bus.Sent.Count == 3);
        var fourth = pipeline.TakeAsync([TelemetryBufferTests.Record(4)], CancellationToken.None);
        bus.Sent.Select(s => s.MayReconnect).ShouldBe([true, false, false], "only a batch with nothing in flight before it may open a new connection");

        // The second is confirmed before the first: neither is taken until the first is, then both are.
        bus.Sent[1].Confirm.SetResult(1);
        await Task.WhenAny(second, Task.Delay(200));
        second.IsCompleted.ShouldBeFalse();
        bus.Sent.Count.ShouldBe(3, "the window is full: the fourth waits for the oldest batch's confirms");
        bus.Sent[0].Confirm.SetResult(1);
        await Task.WhenAll(first, second).WaitAsync(Timeout);
        await WaitUntilAsync(() => bus.Sent.Count == 4);
        bus.Sent[2].Confirm.SetResult(1);
        bus.Sent[3].Confirm.SetResult(1);
        await Task.WhenAll(third, fourth).WaitAsync(Timeout);
        pipeline.Buffered.ShouldBe(0);
        bus.Sent.Select(s => TelemetryBufferTests.Text(s.Records.Single())).ShouldBe(Enumerable.Range(1, 4).Select(i => "reading " + i));
    }

    [Fact]
    public async Task OldestBatchNotConfirmed_ItsRestAndEveryLaterUnconfirmedOneAreBufferedInOrder_AndForwardedInOrder()
    {
        var bus = new ManualConfirmPublisher();
        await using var pipeline = Start(bus, 1_000_000, batchSize: 2, batchesInFlight: 3);
        var first = pipeline.TakeAsync([TelemetryBufferTests.Record(1), TelemetryBufferTests.Record(2)], CancellationToken.None);
        await WaitUntilAsync(() => bus.Sent.Count == 1);
        var second = pipeline.TakeAsync([TelemetryBufferTests.Record(3), TelemetryBufferTests.Record(4)], CancellationToken.None);
        await WaitUntilAsync(() => bus.Sent.Count == 2);
        var third = pipeline.TakeAsync([TelemetryBufferTests.Record(5), TelemetryBufferTests.Record(6)], CancellationToken.None);
        await WaitUntilAsync(() => bus.Sent.Count == 3);

        // Of the first batch only reading 1 was confirmed; of the second reading 3; of the third none. Nothing confirmed is sent twice.
        bus.Sent[2].Confirm.SetResult(0);
        bus.Sent[1].Confirm.SetResult(1);
        bus.Sent[0].Confirm.SetResult(1);
        await Task.WhenAll(first, second, third).WaitAsync(Timeout);
        pipeline.Buffered.ShouldBe(4);

        await WaitUntilAsync(() => bus.Sent.Count == 4);
        bus.Sent[3].MayReconnect.ShouldBeTrue();
        bus.Sent[3].Records.Select(TelemetryBufferTests.Text).ShouldBe(["reading 2", "reading 4"]);
        bus.Sent[3].Confirm.SetResult(2);
        await WaitUntilAsync(() => bus.Sent.Count == 5);
        bus.Sent[4].Records.Select(TelemetryBufferTests.Text).ShouldBe(["reading 5", "reading 6"]);
        bus.Sent[4].Confirm.SetResult(2);
        await WaitUntilAsync(() => pipeline.Buffered == 0);
    }

    [Fact]
    public async Task ClockPassesTheRetryTimeBetweenTwoReads_TheLoopKeepsForwarding_AndDrainsWhenTheBusReturns()
    {
        // R2 (broker 60 s down): with the load over and only the buffer left, the loop stopped trying. It read the clock
        // twice to compute its wait; a clock that moves on between the two reads (a busy machine) gave a negative wait
        // (-1 ms: infinite; below: an exception that ended the loop), and nothing was forwarded again.
        var bus = new ScriptedPublisher { Up = false };
        await using var pipeline = new TelemetryPipeline(bus, new TelemetryOptions
        {
            BufferDirectory = _folder,
            MaxBufferBytes = 1_000_000,
            RetryDelay = TimeSpan.FromMilliseconds(6),
        }, new SteppingClock(TimeSpan.FromMilliseconds(5)), NullLogger<TelemetryPipeline>.Instance);
        pipeline.Start();
        await pipeline.TakeAsync([TelemetryBufferTests.Record(1)], CancellationToken.None).WaitAsync(Timeout);

        await WaitUntilAsync(() => bus.Attempts >= 20);
        bus.Up = true;
        await WaitUntilAsync(() => pipeline.Buffered == 0);
        bus.Confirmed.Select(TelemetryBufferTests.Text).ShouldBe(["reading 1"]);
    }

    [Fact]
    public async Task PublisherThrowsUnexpectedly_TheReadingIsRefused_AndTheLoopGoesOn()
    {
        var bus = new ScriptedPublisher { ThrowOnce = new InvalidOperationException("unexpected") };
        await using var pipeline = Start(bus, 1_000_000);
        await Should.ThrowAsync<InvalidOperationException>(() => pipeline.TakeAsync([TelemetryBufferTests.Record(1)], CancellationToken.None).WaitAsync(Timeout));

        await pipeline.TakeAsync([TelemetryBufferTests.Record(2)], CancellationToken.None).WaitAsync(Timeout);
        await WaitUntilAsync(() => pipeline.Buffered == 0 && bus.Confirmed.Count > 0);
        bus.Confirmed.Select(TelemetryBufferTests.Text).ShouldBe(["reading 2"]);
    }

    /// <summary>System timers; a clock that moves on by <c>step</c> at every read, as on a machine too busy to read it twice in a row.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _reads;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + step * Interlocked.Increment(ref _reads);
    }

    private TelemetryPipeline Start(ITelemetryPublisher bus, long maxBytes, int batchSize = 50, int batchesInFlight = 4)
    {
        var pipeline = new TelemetryPipeline(bus, new TelemetryOptions
        {
            BufferDirectory = _folder,
            MaxBufferBytes = maxBytes,
            BatchSize = batchSize,
            BatchesInFlight = batchesInFlight,
            RetryDelay = TimeSpan.FromMilliseconds(20),
        }, TimeProvider.System, NullLogger<TelemetryPipeline>.Instance);
        pipeline.Start();
        return pipeline;
    }

    internal static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(condition, Timeout);

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException("condition not met within " + timeout);
            await Task.Delay(10);
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
