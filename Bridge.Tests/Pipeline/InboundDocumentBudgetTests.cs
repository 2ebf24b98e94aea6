using Bridge.Host.Pipeline.Inbound;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// The byte budget of large inbound documents mapped at once (fault suite R4: sixteen concurrent multi-megabyte
/// documents held sixteen times their transient memory, and the GC kept the regions). Small documents never wait;
/// large ones wait in order of arrival until their share fits.
/// </summary>
public sealed class InboundDocumentBudgetTests
{
    private const int Threshold = 1000;

    [Fact]
    public async Task SmallDocuments_NeverWaitAndTakeNothing()
    {
        var budget = new InboundDocumentBudget(4000, Threshold);
        using var large = await budget.AcquireAsync(4000, CancellationToken.None);

        var small = budget.AcquireAsync(Threshold - 1, CancellationToken.None);

        small.IsCompletedSuccessfully.ShouldBeTrue();
        budget.InUse.ShouldBe(4000);
    }

    [Fact]
    public async Task LargeDocuments_WaitUntilTheirShareIsHandedBack_InOrderOfArrival()
    {
        var budget = new InboundDocumentBudget(4000, Threshold);
        var first = await budget.AcquireAsync(3000, CancellationToken.None);

        var second = budget.AcquireAsync(2000, CancellationToken.None).AsTask();
        var third = budget.AcquireAsync(1000, CancellationToken.None).AsTask(); // would fit, but the second came first

        second.IsCompleted.ShouldBeFalse();
        third.IsCompleted.ShouldBeFalse();
        budget.Waiting.ShouldBe(2);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        using var last = await third.WaitAsync(TimeSpan.FromSeconds(10));
        budget.InUse.ShouldBe(1000);
        budget.Waiting.ShouldBe(0);
    }

    [Fact]
    public async Task ADocumentLargerThanTheBudget_TakesTheWholeBudget_AndWaitsUntilItIsAlone()
    {
        var budget = new InboundDocumentBudget(4000, Threshold);
        var other = await budget.AcquireAsync(1500, CancellationToken.None);

        var huge = budget.AcquireAsync(50_000, CancellationToken.None).AsTask();
        huge.IsCompleted.ShouldBeFalse();

        other.Dispose();
        using var lease = await huge.WaitAsync(TimeSpan.FromSeconds(10));
        budget.InUse.ShouldBe(4000);
    }

    [Fact]
    public async Task AWaiterCancelled_LeavesTheQueue_AndTheNextOneGoesIn()
    {
        var budget = new InboundDocumentBudget(4000, Threshold);
        var held = await budget.AcquireAsync(3000, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = budget.AcquireAsync(4000, cancel.Token).AsTask();
        var next = budget.AcquireAsync(1000, CancellationToken.None).AsTask();

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        using (await next.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            budget.InUse.ShouldBe(4000);
        }

        held.Dispose();
        budget.InUse.ShouldBe(0);
        budget.Waiting.ShouldBe(0);
    }
}
