using Bridge.Contracts.Model;
using Bridge.Host.Domain.Sourcing;

namespace Bridge.Tests.Sourcing;

public class SourcingServiceTests
{
    internal static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    internal static readonly WarehouseCatalog Sites = new(
        [new Plant("P-BER", "BER", ["ACME"], ["VMI"]), new Plant("P-MUC", "MUC", ["ACME"], [])],
        [
            new Warehouse("WH-A", "BER", ["P-BER"], ["ACME"]),
            new Warehouse("WH-A2", "BER", [], ["ACME"]),
            new Warehouse("WH-B", "MUC", ["P-MUC"], ["ACME"]),
            new Warehouse("WH-C", "HAM", [], ["ACME"]),
        ],
        [new TransferRoute("MUC", "BER", 120m, TimeSpan.FromHours(6)), new TransferRoute("HAM", "BER", 80m, TimeSpan.FromHours(12))]);

    private static MaterialLine Need(decimal quantity, string material = "M") => new() { Material = material, Quantity = quantity, Unit = "pcs" };

    private static SourcingDecision Source(MaterialLine need, params StockLot[] lots) =>
        new SourcingService(Sites).Source(new StockPool(lots), need, "P-BER", Now, Now.AddHours(9));

    [Fact]
    public void OwnWarehouseShort_RemoteSiteInTime_SplitsWithTheReasonRecorded()
    {
        var decision = Source(Need(60), new StockLot("WH-A", "M", "L1", 20, "pcs"), new StockLot("WH-B", "M", "L2", 100, "pcs"));

        decision.Shortage.ShouldBe(0m);
        decision.Sourced.Select(s => (s.Warehouse, s.Quantity, s.Transfer)).ShouldBe([("WH-A", 20m, false), ("WH-B", 40m, true)]);
        decision.Reasons.ShouldBe(["WH-A: 20 of 60 pcs, own warehouse of P-BER", "WH-B: 40 of 60 pcs, WH-A short by 40, lead time 6 h ≤ needed-by 9 h, cost 120"]);
        decision.Sourced[1].ArrivesAt.ShouldBe(Now.AddHours(6));
    }

    [Fact]
    public void OneWarehouseCoveringTheLine_IsPreferredToASplitWithinItsTier()
    {
        var decision = Source(Need(50), new StockLot("WH-A2", "M", "L1", 30, "pcs"), new StockLot("WH-B", "M", "L2", 30, "pcs"), new StockLot("WH-A", "M", "L3", 60, "pcs"));

        decision.Sourced.Select(s => s.Warehouse).ShouldBe(["WH-A"]);
    }

    [Fact]
    public void LateRemoteStock_IsNotTaken_ButListedWithItsArrival()
    {
        var decision = Source(Need(10), new StockLot("WH-C", "M", "L1", 50, "pcs"));

        decision.Shortage.ShouldBe(10m);
        decision.CouldComeFrom.Single().ShouldBe(new PossibleSource("WH-C", 50m, "pcs", Now.AddHours(12), "WH-C: 50 pcs, lead time 12 h > needed-by 9 h"));
        decision.Reasons.Single().ShouldBe("short by 10 pcs; could come from WH-C: 50 pcs, lead time 12 h > needed-by 9 h");
    }

    [Fact]
    public void OrderPastItsNeededBy_TakesStockThatIsThereNow_AndListsTransfersAsLate()
    {
        var decision = new SourcingService(Sites).Source(
            new StockPool([new StockLot("WH-A", "M", "L1", 4, "pcs"), new StockLot("WH-B", "M", "L2", 50, "pcs")]),
            Need(10), "P-BER", Now, Now.AddHours(-3));

        decision.Sourced.Select(s => (s.Warehouse, s.Quantity)).ShouldBe([("WH-A", 4m)]);
        decision.Shortage.ShouldBe(6m);
        decision.CouldComeFrom.Single().ShouldBe(new PossibleSource("WH-B", 50m, "pcs", Now.AddHours(6), "WH-B: 50 pcs, lead time 6 h > needed-by already passed"));
    }

    [Fact]
    public void CheaperRemoteSite_InTime_ComesFirst()
    {
        var decision = new SourcingService(Sites).Source(new StockPool([new StockLot("WH-B", "M", "L1", 5, "pcs"), new StockLot("WH-C", "M", "L2", 5, "pcs")]),
            Need(8), "P-BER", Now, Now.AddHours(24));

        decision.Sourced.Select(s => (s.Warehouse, s.Quantity)).ShouldBe([("WH-C", 5m), ("WH-B", 3m)]);
    }

    [Fact]
    public void BlockedQualityExpiredAndForeignOwner_NeverCount_ConsignmentOnlyWhereConfigured()
    {
        var decision = Source(Need(100),
            new StockLot("WH-A", "M", "B", 10, "pcs", InventoryStatus.Blocked),
            new StockLot("WH-A", "M", "Q", 10, "pcs", InventoryStatus.QualityInspection),
            new StockLot("WH-A", "M", "E", 10, "pcs", ExpiresOn: new DateOnly(2026, 11, 30)),
            new StockLot("WH-A", "M", "X", 10, "pcs", Owner: "OTHER"),
            new StockLot("WH-A", "M", "V", 7, "pcs", Owner: "VMI"));

        decision.Sourced.Select(s => s.Lot).ShouldBe(["V"]);
        decision.Shortage.ShouldBe(93m);
        new SourcingService(Sites).Source(new StockPool([new StockLot("WH-B", "M", "V", 7, "pcs", Owner: "VMI")]), Need(5), "P-MUC", Now, Now.AddHours(1))
            .Shortage.ShouldBe(5m);
    }

    [Fact]
    public void WithinAWarehouse_FefoThenFifo()
    {
        var decision = Source(Need(25),
            new StockLot("WH-A", "M", "LATE", 10, "pcs", ExpiresOn: new DateOnly(2027, 6, 1)),
            new StockLot("WH-A", "M", "NEW", 10, "pcs", ReceivedAt: Now.AddDays(-1)),
            new StockLot("WH-A", "M", "SOON", 10, "pcs", ExpiresOn: new DateOnly(2026, 12, 24)),
            new StockLot("WH-A", "M", "OLD", 10, "pcs", ReceivedAt: Now.AddDays(-30)));

        decision.Sourced.Select(s => (s.Lot, s.Quantity)).ShouldBe([("SOON", 10m), ("LATE", 10m), ("OLD", 5m)]);
    }

    [Fact]
    public void WhatOneLineTakes_IsGoneForTheNext()
    {
        var pool = new StockPool([new StockLot("WH-A", "M", "L1", 30, "pcs")]);
        var service = new SourcingService(Sites);

        service.Source(pool, Need(20), "P-BER", Now, Now.AddHours(1)).Shortage.ShouldBe(0m);
        service.Source(pool, Need(20), "P-BER", Now, Now.AddHours(1)).Shortage.ShouldBe(10m);
    }
}
