using Bridge.Faults.Harness;

namespace Bridge.Tests.Faults;

/// <summary>How the fault suite's receivers count: a repeated key is a resend an idempotent receiver absorbs; one business item under a second key is a duplicate.</summary>
public sealed class ReceiverTallyTests
{
    [Fact]
    public void SameKeyTwice_IsAResend_NotADuplicate()
    {
        var tally = new ReceiverTally();
        tally.Add("key-1", "RP-LF-S0001-0001", ["LF-S0001"]).ShouldBeTrue();
        tally.Add("key-1", "RP-LF-S0001-0001", ["LF-S0001"]).ShouldBeFalse();

        tally.Distinct.ShouldBe(1);
        tally.Items.ShouldBe(1);
        tally.SameKeyResends.ShouldBe(1);
        tally.Duplicates.ShouldBe(0);
    }

    [Fact]
    public void OneItemUnderASecondKey_IsADuplicate_AndNamed()
    {
        var tally = new ReceiverTally();
        tally.Add("key-1", "RP-LF-S0001-0001", ["LF-S0001"]);
        tally.Add("key-2", "RP-LF-S0001-0002", ["LF-S0001"]);
        tally.Add("key-3", "RP-LF-S0002-0001", ["LF-S0002"]);

        tally.Items.ShouldBe(2);
        tally.Duplicates.ShouldBe(1);
        tally.SameKeyResends.ShouldBe(0);
        tally.DuplicatedItems.ShouldBe(["LF-S0001"]);
    }

    [Theory]
    [InlineData("RP-LF-S0014-0001", "LF-S0014")]
    [InlineData("RP-LINE_1-A-0002", "LINE_1-A")]
    [InlineData("RP-ODD", "ODD")]
    public void ReplenishmentRequest_IsAboutItsLocation(string replenishmentId, string location) =>
        BusinessItems.ReplenishmentLocation(replenishmentId).ShouldBe(location);

    [Fact]
    public void PickOrder_IsAboutItsRequestLines()
    {
        const string body = """{"pickListRef":"PO-1","reference":"ORD-7/MR-7","positions":[{"posNo":10,"sku":"A"},{"posNo":20,"sku":"B"},{"posNo":30,"sku":"A"}]}""";
        BusinessItems.Of(ReceivedKind.PickOrder, "PO-1", body).ShouldBe(["ORD-7/MR-7 A", "ORD-7/MR-7 B"]);
        BusinessItems.Of(ReceivedKind.PickOrder, "PO-1", "not json").ShouldBe(["PO-1"]);
        BusinessItems.Of(ReceivedKind.Delivery, "MR-7", "{}").ShouldBe(["MR-7"]);
    }
}
