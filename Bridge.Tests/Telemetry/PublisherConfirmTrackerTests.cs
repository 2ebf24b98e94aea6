using Bridge.Host.Pipeline.Telemetry;

namespace Bridge.Tests.Telemetry;

/// <summary>Batches settled from the channel's acks and nacks: each batch learns how many of its messages from the start the broker took.</summary>
public sealed class PublisherConfirmTrackerTests
{
    [Fact]
    public async Task MultipleAck_SettlesEveryBatchItCovers_AndALaterOneOnlyInPart()
    {
        var tracker = new PublisherConfirmTracker();
        var first = tracker.Track(1, 3);
        var second = tracker.Track(4, 3);

        tracker.Acknowledge(5, multiple: true);

        (await first).ShouldBe(3);
        second.IsCompleted.ShouldBeFalse();
        tracker.Acknowledge(6, multiple: false);
        (await second).ShouldBe(3);
    }

    [Fact]
    public async Task SingleAcksOutOfOrder_TheBatchCompletesOnlyWhenEveryMessageIsSettled()
    {
        var tracker = new PublisherConfirmTracker();
        var batch = tracker.Track(10, 3);

        tracker.Acknowledge(12, multiple: false);
        tracker.Acknowledge(10, multiple: false);
        batch.IsCompleted.ShouldBeFalse();
        tracker.Acknowledge(11, multiple: false);

        (await batch).ShouldBe(3);
    }

    [Fact]
    public async Task NackInTheMiddle_CountsOnlyTheAcknowledgedMessagesBeforeIt()
    {
        var tracker = new PublisherConfirmTracker();
        var batch = tracker.Track(1, 5);

        tracker.Acknowledge(2, multiple: true);
        tracker.Refuse(3, multiple: false);
        tracker.Acknowledge(5, multiple: true);

        (await batch).ShouldBe(2);
    }

    [Fact]
    public async Task ChannelGone_OutstandingBatchesResolveWithTheirAcknowledgedStart_AndLaterOnesWithNothing()
    {
        var tracker = new PublisherConfirmTracker();
        var first = tracker.Track(1, 4);
        var second = tracker.Track(5, 4);

        tracker.Acknowledge(2, multiple: true);
        tracker.Fail();

        (await first).ShouldBe(2);
        (await second).ShouldBe(0);
        (await tracker.Track(9, 4)).ShouldBe(0);
    }

    [Fact]
    public async Task PublishFailedPartWay_TheUnsentRestCountsAsRefused()
    {
        var tracker = new PublisherConfirmTracker();
        var batch = tracker.Track(1, 5);

        tracker.Abandon(1, 3);
        batch.IsCompleted.ShouldBeFalse();
        tracker.Acknowledge(3, multiple: true);

        (await batch).ShouldBe(3);
    }
}
