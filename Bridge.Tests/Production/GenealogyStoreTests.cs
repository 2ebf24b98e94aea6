using Bridge.Host.Domain.Genealogy;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bridge.Tests.Production;

/// <summary>
/// The genealogy store and its trace, in memory and on PostgreSQL alike: a lot followed forwards across orders and
/// plants (a component lot → a sub-assembly lot at BER → a finished lot at SHA), an order's lots in with warehouse and
/// supplier lot, a report recorded twice kept once, and ids PostgreSQL cannot take as text (U+0000) stored, not refused.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GenealogyStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public Task InMemory_TracesLotsAcrossOrdersAndPlants() => TracesLotsAcrossOrdersAndPlants(new InMemoryGenealogyStore());

    [Fact]
    public async Task Postgres_TracesLotsAcrossOrdersAndPlants()
    {
        if (!TestServers.Available)
        {
            return;
        }

        await using var dataSource = await MigratedAsync();
        await TracesLotsAcrossOrdersAndPlants(new PostgresGenealogyStore(new PostgresSession(dataSource)));
    }

    private static async Task TracesLotsAcrossOrdersAndPlants(IGenealogyStore store)
    {
        var subAssembly = Record("ORD-SUB", "BER", "SA-10", "SA-LOT-1", 50m,
            new GenealogyInput("C-410", "C-LOT-7", "WH-A", "SUP-4411", 200m, "pcs"),
            new GenealogyInput("C-420", "C-LOT-8", "WH-A", null, 400m, "pcs"));
        var finished = Record("ORD-FG", "SHA", "FG-1", "FG-LOT-1", 20m,
            new GenealogyInput("SA-10", "SA-LOT-1", "WH-SHA", null, 20m, "pcs"),
            new GenealogyInput("C-410", "C-LOT-7", "WH-SHA", "SUP-4411", 10m, "pcs"));
        var more = Record("ORD-FG", "SHA", "FG-1", "FG-LOT-2", 5m, new GenealogyInput("C-410", "C-LOT-7", "WH-SHA", "SUP-4411", 2.5m, "pcs"));
        (await store.RecordAsync(subAssembly, default)).ShouldBeTrue();
        (await store.RecordAsync(finished, default)).ShouldBeTrue();
        (await store.RecordAsync(more, default)).ShouldBeTrue();
        (await store.RecordAsync(finished, default)).ShouldBeFalse();
        var trace = new GenealogyTrace(store);

        var lot = (await trace.ForLotAsync("C-LOT-7", default)).ShouldNotBeNull();
        lot.ProducedBy.ShouldBeEmpty();
        lot.UsedIn.Select(u => (u.Depth, u.ConsumedLot, u.OrderId, u.Plant, u.ProducedLot)).ShouldBe(
        [
            (1, "C-LOT-7", "ORD-SUB", "BER", "SA-LOT-1"),
            (1, "C-LOT-7", "ORD-FG", "SHA", "FG-LOT-1"),
            (1, "C-LOT-7", "ORD-FG", "SHA", "FG-LOT-2"),
            (2, "SA-LOT-1", "ORD-FG", "SHA", "FG-LOT-1"),
        ], ignoreOrder: true);
        (await trace.ForLotAsync("SA-LOT-1", default)).ShouldNotBeNull().ProducedBy.Single().OrderId.ShouldBe("ORD-SUB");

        var order = (await trace.ForOrderAsync("ORD-FG", default)).ShouldNotBeNull();
        order.Plant.ShouldBe("SHA");
        order.Produced.Select(p => (p.Lot, p.Quantity)).ShouldBe([("FG-LOT-1", 20m), ("FG-LOT-2", 5m)], ignoreOrder: true);
        order.Consumed.ShouldBe(
        [
            new GenealogyInput("SA-10", "SA-LOT-1", "WH-SHA", null, 20m, "pcs"),
            new GenealogyInput("C-410", "C-LOT-7", "WH-SHA", "SUP-4411", 12.5m, "pcs"),
        ], ignoreOrder: true);

        (await trace.ForLotAsync("NO-SUCH-LOT", default)).ShouldBeNull();
        (await trace.ForOrderAsync("NO-SUCH-ORDER", default)).ShouldBeNull();
        (await store.RecordAsync(Record("ORD-\0-X", null, "FG-\0", "L-\0", 1m, new GenealogyInput("M-\0", "L\0", null, null, 1m, "pcs")), default)).ShouldBeTrue();
        (await trace.ForLotAsync("中文批次-\r\n", default)).ShouldBeNull();
    }

    private static GenealogyRecord Record(string orderId, string? plant, string product, string lot, decimal quantity, params GenealogyInput[] inputs) =>
        new(Guid.NewGuid(), orderId, plant, product, lot, quantity, "pcs", At, inputs);

    private static async Task<NpgsqlDataSource> MigratedAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync("genealogy"));
        await new DatabaseSchemaMigrator(dataSource, [new GenealogySchemaScript()], TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        return dataSource;
    }
}
