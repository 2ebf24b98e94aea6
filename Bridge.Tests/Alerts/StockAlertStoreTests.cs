using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Processes.Alerts;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bridge.Tests.Alerts;

/// <summary>The alert store, in memory and on PostgreSQL alike: raised, cleared, raised again with the count kept; a repeated mark changes nothing.</summary>
[Trait("Category", "Integration")]
public sealed class StockAlertStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public Task InMemory_RemembersRaisedAndCleared() => RemembersRaisedAndCleared(new InMemoryStockAlertStore());

    [Fact]
    public async Task Postgres_RemembersRaisedAndCleared()
    {
        if (!TestServers.Available)
        {
            return;
        }

        await using var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync("stock-alerts"));
        await new DatabaseSchemaMigrator(dataSource, [new StockAlertsSchemaScript()], TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        await RemembersRaisedAndCleared(new PostgresStockAlertStore(dataSource));
    }

    private static async Task RemembersRaisedAndCleared(IStockAlertStore store)
    {
        const string key = "LotExpiring/WH-A/A-200/L\0-3";
        await store.MarkRaisedAsync(key, 1, At, default);
        await store.MarkRaisedAsync(key, 1, At, default);
        (await store.ListAsync(default)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(m => m.Occurrences.ShouldBe(1), m => m.Active.ShouldBeTrue());

        await store.MarkClearedAsync(key, At.AddHours(1), default);
        (await store.ListAsync(default)).Single().Active.ShouldBeFalse();

        await store.MarkRaisedAsync(key, 2, At.AddHours(2), default);
        await store.MarkRaisedAsync(key, 1, At.AddHours(3), default);
        (await store.ListAsync(default)).Single().ShouldSatisfyAllConditions(m => m.Occurrences.ShouldBe(2), m => m.Active.ShouldBeTrue());
    }
}
