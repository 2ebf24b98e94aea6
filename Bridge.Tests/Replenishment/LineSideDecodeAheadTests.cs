using Bridge.Host.Processes.Replenishment;

namespace Bridge.Tests.Replenishment;

/// <summary>
/// The dispatcher decodes ahead of the commit loop only up to a number of signals: past it, it waits until a batch takes
/// some; a delivery is counted whole, so one larger than the limit never deadlocks the consumer. No sleeps: each wait is
/// a task whose state is checked directly.
/// </summary>
public sealed class LineSideDecodeAheadTests
{
    [Fact]
    public async Task BelowTheLimit_TheDispatcherGoesOn()
    {
        var ahead = new LineSideDecodeAhead(100);

        await ahead.AddAsync(60, CancellationToken.None);
        var second = ahead.AddAsync(39, CancellationToken.None);

        second.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task AtTheLimit_TheDispatcherWaits_UntilABatchTakesEnough()
    {
        var ahead = new LineSideDecodeAhead(100);
        await ahead.AddAsync(60, CancellationToken.None);

        var waiting = ahead.AddAsync(60, CancellationToken.None);
        waiting.IsCompleted.ShouldBeFalse();
        ahead.Take(10);
        waiting.IsCompleted.ShouldBeFalse("110 decoded signals still wait");
        ahead.Take(60);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ADeliveryLargerThanTheLimit_IsAccepted_AndReleasedByItsBatch()
    {
        var ahead = new LineSideDecodeAhead(100);

        var waiting = ahead.AddAsync(500, CancellationToken.None);
        waiting.IsCompleted.ShouldBeFalse();
        ahead.Take(500);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        ahead.AddAsync(1, CancellationToken.None).IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task AStoppingConsumer_EndsTheWait()
    {
        var ahead = new LineSideDecodeAhead(100);
        using var stop = new CancellationTokenSource();

        var waiting = ahead.AddAsync(100, stop.Token);
        await stop.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
    }
}
