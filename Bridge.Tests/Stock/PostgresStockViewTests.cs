using Bridge.Contracts.Model;
using Bridge.Host.Domain.Stock;
using Bridge.Tests.Infrastructure;
using Npgsql;

namespace Bridge.Tests.Stock;

[Trait("Category", "Integration")]
public sealed class PostgresStockViewTests
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static async Task<PostgresStockView?> CreateAsync()
    {
        if (!TestServers.Available)
        {
            return null;
        }

        var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync("stock"));
        await using (var command = dataSource.CreateCommand(new StockSchemaScript().Sql))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new PostgresStockView(new Bridge.Host.Infrastructure.Storage.PostgresSession(dataSource));
    }

    private static InventoryRecord Record(string material, decimal quantity, string location, InventoryStatus status = InventoryStatus.Available, DateOnly? expires = null) =>
        new() { Warehouse = "WH-A", Material = material, Location = location, Lot = "L-" + location, Quantity = quantity, Unit = "pcs", Status = status, ExpiresOn = expires };

    [Fact]
    public async Task ConcurrentReservations_NeverHoldMoreThanTheStock()
    {
        var view = await CreateAsync();
        if (view is null)
        {
            return;
        }

        await view.ApplyAsync(Record("A", 6, "R1"), Reported, default);
        await view.ApplyAsync(Record("A", 4, "R2"), Reported, default);
        var need = new[] { new MaterialLine { Material = "A", Quantity = 1, Unit = "pcs" } };

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => view.ReserveAsync($"r{i}", need, new HashSet<string>(), default)));

        results.Count(r => r is not null).ShouldBe(10);
        (await view.GetAvailableAsync(["A"], default)).ContainsKey("A").ShouldBeFalse();
    }

    [Fact]
    public async Task Available_ExcludesBlockedStock_UsesFefo_AndReleaseGivesItBack()
    {
        var view = await CreateAsync();
        if (view is null)
        {
            return;
        }

        await view.ApplyAsync(Record("B", 5, "R1", expires: new DateOnly(2027, 3, 1)), Reported, default);
        await view.ApplyAsync(Record("B", 5, "R2", expires: new DateOnly(2027, 1, 1)), Reported, default);
        await view.ApplyAsync(Record("B", 50, "R3", InventoryStatus.QualityInspection), Reported, default);

        var held = await view.ReserveAsync("req", [new MaterialLine { Material = "B", Quantity = 7, Unit = "pcs" }], new HashSet<string>(), default);

        held.ShouldNotBeNull().Select(l => (l.Location, l.Quantity)).ShouldBe([("R2", 5m), ("R1", 2m)]);
        (await view.GetAvailableAsync(["B"], default))["B"].Sum(s => s.Quantity).ShouldBe(3m);
        (await view.ReserveAsync("req", [new MaterialLine { Material = "B", Quantity = 7, Unit = "pcs" }], new HashSet<string>(), default)).ShouldBe(held);

        await view.ReleaseAsync("req", default);

        (await view.GetAvailableAsync(["B"], default))["B"].Sum(s => s.Quantity).ShouldBe(10m);
    }

    [Fact]
    public async Task Snapshot_ReplacesTheWarehouse()
    {
        var view = await CreateAsync();
        if (view is null)
        {
            return;
        }

        await view.ApplyAsync(Record("C", 5, "R1"), Reported, default);
        await view.ReplaceWarehouseAsync("WH-A", [Record("D", 2, "R9")], Reported.AddMinutes(1), default);

        (await view.ListAsync(null, default)).Select(e => e.Material).ShouldBe(["D"]);
    }
}
