using System.Text.Json;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Infrastructure;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// A consume's lookup of its own outbox rows reads its rows, not every pending row of every other consume, also when the
/// table's statistics are stale (the table churns: they show a handful of rows while hundreds are pending).
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboxLookupPlanTests
{
    [Fact]
    public async Task LaterPassLookup_WithStaleStatisticsAndManyPendingRowsOfOthers_ReadsOnlyItsOwnRows()
    {
        var connectionString = TestServers.Postgres;
        if (connectionString is null)
            return;
        await using var dataSource = await TestDatabase.CreateAsync(await TestServers.CreateDatabaseAsync("outbox-plan"));
        const string endpoint = "bridge-material-request-state";
        var consumer = Guid.NewGuid();
        var mine = Guid.NewGuid();

        await InsertAsync(dataSource, endpoint, consumer, Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()));
        await using (var analyze = dataSource.CreateCommand("ANALYZE bridge_outbox_message"))
            await analyze.ExecuteNonQueryAsync();
        await InsertAsync(dataSource, endpoint, consumer, Enumerable.Range(0, 2000).Select(_ => Guid.NewGuid()));
        await InsertAsync(dataSource, endpoint, consumer, [mine, mine]);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var generic = new NpgsqlCommand("SET plan_cache_mode = force_generic_plan", connection))
            await generic.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + PostgresOutboxConsumeContext<object>.SelectAfterLockSql, connection);
        explain.Parameters.AddWithValue("endpoint", endpoint);
        explain.Parameters.AddWithValue("consumer", consumer);
        explain.Parameters.AddWithValue("message", mine);
        explain.Parameters.AddWithValue("limit", 11);
        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        var root = plan.RootElement[0].GetProperty("Plan");

        root.GetProperty("Actual Rows").GetDouble().ShouldBe(2);
        var blocks = root.GetProperty("Shared Hit Blocks").GetInt64() + root.GetProperty("Shared Read Blocks").GetInt64();
        blocks.ShouldBeLessThan(20, $"the lookup read {blocks} blocks for 2 rows among 2,005 pending: {root}");
    }

    static async Task InsertAsync(NpgsqlDataSource dataSource, string endpoint, Guid consumer, IEnumerable<Guid> inboxes)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var inbox in inboxes)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO bridge_outbox_message (endpoint_name, consumer_id, inbox_message_id, message_id, content_type, body, sent_time, stored_at)
                VALUES ($1, $2, $3, $4, 'application/vnd.masstransit+json', '{}', now(), now())
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = endpoint });
            command.Parameters.Add(new NpgsqlParameter { Value = consumer });
            command.Parameters.Add(new NpgsqlParameter { Value = inbox });
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }
}
