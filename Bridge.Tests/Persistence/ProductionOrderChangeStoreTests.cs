using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// Order changes and cancellation in the order book, in memory and on PostgreSQL alike: a newer change applies the
/// fields it carries, an older or repeated one nothing; a cancelled order takes no change and leaves the open schedule;
/// the order → request index files a request once; a look-up reads the order and its cancellation together.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProductionOrderChangeStoreTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public Task InMemory_AppliesNewerChangesAndCancellation() => AppliesNewerChangesAndCancellation(new InMemoryProductionOrderStore());

    [Fact]
    public async Task Postgres_AppliesNewerChangesAndCancellation()
    {
        if (!TestServers.Available)
        {
            return;
        }

        await using var dataSource = await MigratedAsync();
        await AppliesNewerChangesAndCancellation(new PostgresProductionOrderStore(dataSource));
        var index = new PostgresOrderRequestIndex(new PostgresSession(dataSource));
        var request = Guid.NewGuid();
        await index.AddAsync("ORD-1", request, default);
        await index.AddAsync("ORD-1", request, default);
        (await index.FindAsync("ORD-1", default)).ShouldBe([request]);
        (await index.FindAsync("ORD-\0", default)).ShouldBeEmpty();
    }

    private static async Task AppliesNewerChangesAndCancellation(IProductionOrderStore store)
    {
        (await store.LookUpAsync("ORD-1", default)).ShouldBe(new OrderOnFile(null, false));
        await store.SaveAsync(Order("ORD-1"), default);
        (await store.LookUpAsync("ORD-1", default)).ShouldSatisfyAllConditions(
            o => o.Order!.OrderId.ShouldBe("ORD-1"), o => o.Order!.Quantity.ShouldBe(10m), o => o.Cancelled.ShouldBeFalse());

        var applied = (await store.ApplyChangeAsync(Change("ORD-1", Monday.AddHours(1)) with { Quantity = 15m, Line = "L2" }, default))
            .ShouldBeOfType<OrderChangeOutcome.Applied>();
        applied.Before.Quantity.ShouldBe(10m);
        applied.After.ShouldSatisfyAllConditions(o => o.Quantity.ShouldBe(15m), o => o.Line.ShouldBe("L2"), o => o.Unit.ShouldBe("pcs"));
        (await store.ApplyChangeAsync(Change("ORD-1", Monday.AddHours(1)) with { Quantity = 99m }, default)).ShouldBeOfType<OrderChangeOutcome.NotApplied>();
        (await store.ApplyChangeAsync(Change("ORD-1", Monday.AddMinutes(30)) with { Quantity = 99m }, default)).ShouldBeOfType<OrderChangeOutcome.NotApplied>();
        (await store.ApplyChangeAsync(Change("ORD-1", Monday.AddHours(2)) with { DueAt = Monday.AddDays(3) }, default)).ShouldBeOfType<OrderChangeOutcome.Applied>();
        (await store.FindAsync("ORD-1", default))!.ShouldSatisfyAllConditions(o => o.Quantity.ShouldBe(15m), o => o.DueAt.ShouldBe(Monday.AddDays(3)));
        (await store.ListDueAsync(Monday, Monday.AddDays(7), default)).Select(o => o.OrderId).ShouldBe(["ORD-1"]);
        (await store.ApplyChangeAsync(Change("ORD-9", Monday), default)).ShouldBeOfType<OrderChangeOutcome.NotApplied>().OrderUnknown.ShouldBeTrue();

        (await store.CancelAsync("ORD-1", default)).ShouldBeTrue();
        (await store.CancelAsync("ORD-1", default)).ShouldBeFalse();
        (await store.CancelAsync("ORD-9", default)).ShouldBeFalse();
        (await store.IsCancelledAsync("ORD-1", default)).ShouldBeTrue();
        (await store.LookUpAsync("ORD-1", default)).ShouldSatisfyAllConditions(
            o => o.Order!.Quantity.ShouldBe(15m, "the order as last changed"), o => o.Cancelled.ShouldBeTrue());
        (await store.ApplyChangeAsync(Change("ORD-1", Monday.AddHours(3)) with { Quantity = 1m }, default)).ShouldBeOfType<OrderChangeOutcome.NotApplied>()
            .Reason.ShouldContain("cancelled");
        (await store.ListDueAsync(Monday, Monday.AddDays(7), default)).ShouldBeEmpty();
    }

    private static ProductionOrderReleased Order(string id) => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = id, Source = "erp", OccurredAt = Monday,
        OrderId = id, Plant = "P-BER", Material = "FG", Quantity = 10, Unit = "pcs", DueAt = Monday.AddDays(1),
        Bom = [new BomLine { Material = "A-100", QuantityPer = 2, Unit = "pcs" }],
    };

    private static ProductionOrderChanged Change(string id, DateTimeOffset at) => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = id, Source = "erp", OccurredAt = at, OrderId = id,
    };

    private static async Task<NpgsqlDataSource> MigratedAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync("order-changes"));
        await new DatabaseSchemaMigrator(dataSource, [new OrdersSchemaScript(), new OrderRequestsSchemaScript()], TimeProvider.System,
            NullLogger<DatabaseSchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return dataSource;
    }
}
