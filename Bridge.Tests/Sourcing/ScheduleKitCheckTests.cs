using Bridge.Contracts.Model;
using Bridge.Host.Domain.KitChecks;
using Bridge.Host.Domain.Sourcing;

namespace Bridge.Tests.Sourcing;

public class ScheduleKitCheckTests
{
    private static readonly DateTimeOffset Now = SourcingServiceTests.Now;

    private static ScheduledOrder Order(string id, int hours, int priority, params (string Material, decimal Quantity)[] lines) =>
        new(id, "P-BER", Now.AddHours(hours), lines.Select(l => new MaterialLine { Material = l.Material, Quantity = l.Quantity, Unit = "pcs" }).ToList(), priority);

    [Theory]
    [InlineData(KitCheckOrdering.Priority, "O-2")]
    [InlineData(KitCheckOrdering.Due, "O-1")]
    public void StockGoesToTheFirstOrderInTheChosenOrdering_AndIsNotCountedTwice(KitCheckOrdering ordering, string winner)
    {
        var pool = new StockPool([new StockLot("WH-A", "A", "L1", 10, "pcs"), new StockLot("WH-A", "B", "L2", 100, "pcs")]);
        ScheduledOrder[] orders = [Order("O-1", 2, priority: 5, ("A", 8), ("B", 10)), Order("O-2", 8, priority: 1, ("A", 8), ("B", 10))];

        var kits = ScheduleKitCheck.Run(orders, pool, new SourcingService(SourcingServiceTests.Sites), Now, ordering);

        kits[0].OrderId.ShouldBe(winner);
        kits[0].Complete.ShouldBeTrue();
        kits[1].Complete.ShouldBeFalse();
        kits[1].KitRate.ShouldBe(0.5m);
        kits[1].Shortages.Single().ShouldSatisfyAllConditions(s => s.Material.ShouldBe("A"), s => s.Shortage.ShouldBe(6m));
    }
}
