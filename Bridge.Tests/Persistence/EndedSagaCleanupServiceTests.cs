using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Transfers;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// Issue 12 R7: a saga table held every material request since the first. Ended sagas unchanged for
/// <c>Bridge:SagaRetention</c> are now deleted; open ones never are, however old.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EndedSagaCleanupServiceTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CleanOnce_DeletesEndedSagasPastRetention_InSlices_AndKeepsOpenAndRecentOnes()
    {
        if (TestServers.Postgres is null)
            return;
        await using var dataSource = NpgsqlDataSource.Create(TestServers.Postgres);
        var ended = new EndedSagaStates($"saga_retention_{Guid.NewGuid():N}", ["Completed", "Cancelled"]);
        var other = new EndedSagaStates($"saga_retention_{Guid.NewGuid():N}", ["Delivered"]);
        foreach (var table in new[] { ended.Table, other.Table })
            await Execute(dataSource, $"CREATE TABLE {table} (id uuid PRIMARY KEY, version integer NOT NULL, state jsonb NOT NULL, updated_at timestamptz NOT NULL, "
                + $"{SagaTable.CurrentStateColumn} text GENERATED ALWAYS AS (state->>'CurrentState') STORED)");
        try
        {
            var retention = TimeSpan.FromDays(90);
            var oldCompleted = await Insert(dataSource, ended.Table, "Completed", Now - retention - TimeSpan.FromMinutes(1), EndedSagaCleanupService.Slice + 3);
            var oldCancelled = await Insert(dataSource, ended.Table, "Cancelled", Now - TimeSpan.FromDays(400), 1);
            var recentCompleted = await Insert(dataSource, ended.Table, "Completed", Now - retention + TimeSpan.FromMinutes(1), 2);
            var oldOpen = await Insert(dataSource, ended.Table, "Picking", Now - TimeSpan.FromDays(400), 2);
            var oldDelivered = await Insert(dataSource, other.Table, "Delivered", Now - TimeSpan.FromDays(100), 1);
            var oldOrdered = await Insert(dataSource, other.Table, "Ordered", Now - TimeSpan.FromDays(100), 1);

            var service = new EndedSagaCleanupService(dataSource, [ended, other],
                Options.Create(new BridgeMessagingOptions { SagaRetention = retention }), new FixedTimeProvider(Now), NullLogger<EndedSagaCleanupService>.Instance);
            (await service.CleanOnceAsync(CancellationToken.None)).ShouldBe(oldCompleted.Count + oldCancelled.Count + oldDelivered.Count);

            (await Ids(dataSource, ended.Table)).ShouldBe([.. recentCompleted, .. oldOpen], ignoreOrder: true);
            (await Ids(dataSource, other.Table)).ShouldBe(oldOrdered, ignoreOrder: true);
            (await service.CleanOnceAsync(CancellationToken.None)).ShouldBe(0, "a second run finds nothing more");
        }
        finally
        {
            await Execute(dataSource, $"DROP TABLE IF EXISTS {ended.Table}; DROP TABLE IF EXISTS {other.Table}");
        }
    }

    [Fact]
    public void EndedStates_AreStatesOfTheirMachines_AndNoneThatWaits()
    {
        var requests = new MaterialRequestStateMachine(Options.Create(new MaterialRequestSettings())).States.Select(s => s.Name).ToHashSet();
        MaterialRequestStateMachine.EndedStates.ShouldAllBe(s => requests.Contains(s));
        MaterialRequestStateMachine.EndedStates.ShouldBe(["Completed", "Rejected", "TimedOut", "Failed", "Cancelled"], ignoreOrder: true);
        var transfers = new TransferStateMachine(Options.Create(new TransferSettings())).States.Select(s => s.Name).ToHashSet();
        TransferStateMachine.EndedStates.ShouldAllBe(s => transfers.Contains(s));
        TransferStateMachine.EndedStates.ShouldBe(["Delivered", "Failed", "TimedOut", "Cancelled"], ignoreOrder: true);
    }

    private static async Task<List<Guid>> Insert(NpgsqlDataSource dataSource, string table, string state, DateTimeOffset updatedAt, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {table} (id, version, state, updated_at) SELECT unnest($1), 1, jsonb_build_object('CurrentState', $2::text), $3");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = state });
        command.Parameters.Add(new NpgsqlParameter { Value = updatedAt });
        await command.ExecuteNonQueryAsync();
        return ids;
    }

    private static async Task<List<Guid>> Ids(NpgsqlDataSource dataSource, string table)
    {
        var ids = new List<Guid>();
        await using var command = dataSource.CreateCommand($"SELECT id FROM {table}");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
