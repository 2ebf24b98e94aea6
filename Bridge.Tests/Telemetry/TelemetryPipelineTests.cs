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

    private TelemetryPipeline Start(ITelemetryPublisher bus, long maxBytes)
    {
        var pipeline = new TelemetryPipeline(bus, new TelemetryOptions
        {
            BufferDirectory = _folder,
            MaxBufferBytes = maxBytes,
            BatchSize = 50,
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
