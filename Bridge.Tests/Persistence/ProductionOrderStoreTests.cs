using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// The open schedule the kit check reads: orders due in [from, to), earliest first, in memory and on PostgreSQL alike;
/// an order without a due time is in no range; a re-released order moves with its new due time. A table written before
/// due_at existed is filled from the stored JSON when the schema script runs.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProductionOrderStoreTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InMemory_ListsTheOrdersDueInTheRange() => await ListsTheOrdersDueInTheRange(new InMemoryProductionOrderStore());

    [Fact]
    public async Task Postgres_ListsTheOrdersDueInTheRange()
    {
        await using var dataSource = await MigratedAsync("orders-due");
        await ListsTheOrdersDueInTheRange(new PostgresProductionOrderStore(dataSource));
    }

    [Fact]
    public async Task Postgres_RowsWrittenBeforeTheDueColumn_AreFilledFromTheirJson()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync("orders-upgrade"));
        await using (var create = dataSource.CreateCommand("""
            create table production_orders (order_id text primary key, released jsonb not null, updated_at timestamptz not null default now());
            insert into production_orders (order_id, released) values ('OLD-1', '{"orderId":"OLD-1","dueAt":"2026-11-30T06:00:00+01:00"}');
            """))
        {
            await create.ExecuteNonQueryAsync();
        }

        await new DatabaseSchemaMigrator(dataSource, [new OrdersSchemaScript()], TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        await using var due = dataSource.CreateCommand("select due_at from production_orders where order_id = 'OLD-1'");

        ((DateTime)(await due.ExecuteScalarAsync())!).ShouldBe(new DateTime(2026, 11, 30, 5, 0, 0, DateTimeKind.Utc));
    }

    private static async Task ListsTheOrdersDueInTheRange(IProductionOrderStore store)
    {
        await store.SaveAsync(Order("LATE", Monday.AddDays(2)), default);
        await store.SaveAsync(Order("EARLY", Monday.AddHours(6)), default);
        await store.SaveAsync(Order("EDGE", Monday.AddDays(1)), default);
        await store.SaveAsync(Order("BEFORE", Monday.AddTicks(-1)), default);
        await store.SaveAsync(Order("NO-DUE", null), default);
        await store.SaveAsync(Order("MOVED", Monday.AddDays(5)), default);
        await store.SaveAsync(Order("MOVED", Monday.AddHours(12).ToOffset(TimeSpan.FromHours(8))), default);

        var due = await store.ListDueAsync(Monday, Monday.AddDays(1), default);

        due.Select(o => o.OrderId).ShouldBe(["EARLY", "MOVED"]);
        (await store.ListDueAsync(Monday.AddDays(1), Monday.AddDays(3), default)).Select(o => o.OrderId).ShouldBe(["EDGE", "LATE"]);
    }

    private static ProductionOrderReleased Order(string id, DateTimeOffset? due) => new()
    {
        MessageId = Guid.NewGuid(), CorrelationId = id, Source = "erp", OccurredAt = Monday,
        OrderId = id, Plant = "P-BER", Material = "FG", Quantity = 10, Unit = "pcs", DueAt = due,
        Bom = [new BomLine { Material = "A-100", QuantityPer = 2, Unit = "pcs" }],
    };

    private static async Task<NpgsqlDataSource> MigratedAsync(string name)
    {
        var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync(name));
        await new DatabaseSchemaMigrator(dataSource, [new OrdersSchemaScript()], TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        return dataSource;
    }
}
