using Bridge.Contracts.Model;
using Bridge.Host.Domain.Stock;

namespace Bridge.Tests.Stock;

public class InMemoryStockViewTests
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static InventoryRecord Record(string material, decimal quantity, InventoryStatus status = InventoryStatus.Available, string location = "R1") =>
        new() { Warehouse = "WH-A", Material = material, Location = location, Quantity = quantity, Unit = "pcs", Status = status };

    [Fact]
    public async Task Available_CountsOnlyAvailableStatus_MinusReservations()
    {
        var view = new InMemoryStockView();
        await view.ApplyAsync(Record("A", 10), Reported, default);
        await view.ApplyAsync(Record("A", 7, InventoryStatus.Blocked, location: "R2"), Reported, default);

        var reserved = await view.ReserveAsync("r1", [new MaterialLine { Material = "A", Quantity = 4, Unit = "pcs" }], new HashSet<string>(), default);

        reserved.ShouldNotBeNull().Single().Quantity.ShouldBe(4m);
        (await view.GetAvailableAsync(["A"], default))["A"].Sum(s => s.Quantity).ShouldBe(6m);
    }

    [Fact]
    public async Task Reserve_Short_HoldsNothing_AndRepeatedIdReturnsSameReservation()
    {
        var view = new InMemoryStockView();
        await view.ApplyAsync(Record("A", 5), Reported, default);
        var need = new[] { new MaterialLine { Material = "A", Quantity = 5, Unit = "pcs" } };

        (await view.ReserveAsync("r1", [new MaterialLine { Material = "A", Quantity = 6, Unit = "pcs" }], new HashSet<string>(), default)).ShouldBeNull();
        var first = await view.ReserveAsync("r2", need, new HashSet<string>(), default);
        var again = await view.ReserveAsync("r2", need, new HashSet<string>(), default);
        var other = await view.ReserveAsync("r3", need, new HashSet<string>(), default);

        again.ShouldBe(first);
        other.ShouldBeNull();
        await view.ReleaseAsync("r2", default);
        (await view.ReserveAsync("r3", need, new HashSet<string>(), default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Apply_ZeroQuantity_RemovesTheRow()
    {
        var view = new InMemoryStockView();
        await view.ApplyAsync(Record("A", 5), Reported, default);
        await view.ApplyAsync(Record("A", 0), Reported, default);

        (await view.ListAsync("A", default)).ShouldBeEmpty();
    }
}
