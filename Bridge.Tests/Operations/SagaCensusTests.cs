using System.Security.Cryptography;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Operations.StatusPage;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Tests.Integration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bridge.Tests.Operations;

/// <summary>
/// Found by the fault suite's R4 (issue 12, session 14): the operations gauges counted sagas by state every 15 s by
/// reading and deserializing the newest 5,000 states. They are now counted in PostgreSQL over the saga table's
/// generated <see cref="SagaTable.CurrentStateColumn"/>. Real PostgreSQL, production mode (the host made the table).
/// </summary>
[Trait("Category", "Integration")]
public sealed class SagaCensusTests() : RealStackHostTest("census", "mes", "wms-a")
{
    private static readonly string Table = SagaTable.NameFor(typeof(MaterialRequestState));

    [Fact]
    public async Task CountByState_CountsEveryInstanceInTheDatabase_WithoutReadingTheirBodies()
    {
        if (Host is null)
        {
            return;
        }

        // One connection, so the statistics the count leaves are flushed by the next statement on it (below).
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Postgres) { MaxPoolSize = 1 }.ConnectionString);
        var services = new ServiceCollection().AddSingleton(dataSource).BuildServiceProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bridge:Mode"] = "Production" }).Build();
        var census = new SagaCensus<MaterialRequestState>(services, configuration);
        var before = (await census.CountByStateAsync(s => s.CurrentState, CancellationToken.None)).ToDictionary(c => c.State, c => c.Count);

        var expected = new Dictionary<string, long> { ["CensusCompleted"] = 3, ["CensusWaiting"] = 2, ["CensusCancelled"] = 1 };
        foreach (var (state, count) in expected)
        {
            for (var i = 0; i < count; i++)
            {
                // A body no saga type reads back (History is not a list) and too big to stay in the row: PostgreSQL keeps
                // it in the table's TOAST relation, which a read of the body has to visit.
                var body = $$"""{"CurrentState":"{{state}}","History":"not a list","Filler":"{{Convert.ToHexString(RandomNumberGenerator.GetBytes(32 * 1024))}}"}""";
                await using var insert = dataSource.CreateCommand($"insert into {Table} (id, version, state, updated_at) values (@id, 1, @state::jsonb, now())");
                insert.Parameters.AddWithValue("id", Guid.NewGuid());
                insert.Parameters.AddWithValue("state", body);
                await insert.ExecuteNonQueryAsync();
            }
        }

        var toastBefore = await ToastBlocksAsync(dataSource);
        var counted = (await census.CountByStateAsync(s => s.CurrentState, CancellationToken.None)).ToDictionary(c => c.State, c => c.Count);
        var toastAfterCount = await ToastBlocksAsync(dataSource);

        foreach (var (state, count) in expected)
        {
            counted.GetValueOrDefault(state).ShouldBe(before.GetValueOrDefault(state) + count, state);
        }

        counted.Values.Sum().ShouldBe(before.Values.Sum() + expected.Values.Sum());
        toastAfterCount.ShouldBe(toastBefore, "the count visits no TOASTed state body");

        // The probe sees a read of the bodies, so the equality above is not for want of a measure.
        await using (var read = dataSource.CreateCommand($"select count(*) from {Table} where state->>'Filler' is not null"))
        {
            ((long)(await read.ExecuteScalarAsync())!).ShouldBe(expected.Values.Sum());
        }

        (await ToastBlocksAsync(dataSource)).ShouldBeGreaterThan(toastAfterCount);
    }

    /// <summary>
    /// Blocks of the saga table's TOAST relation read so far (from disk or cache). The statement before it flushes this
    /// backend's pending statistics first (PostgreSQL flushes them when the backend goes idle, forced here).
    /// </summary>
    private static async Task<long> ToastBlocksAsync(NpgsqlDataSource dataSource)
    {
        await using (var flush = dataSource.CreateCommand("select pg_stat_force_next_flush()"))
        {
            await flush.ExecuteNonQueryAsync();
        }

        await using var command = dataSource.CreateCommand(
            "select coalesce(toast_blks_read, 0) + coalesce(toast_blks_hit, 0) from pg_statio_user_tables where relname = @table");
        command.Parameters.AddWithValue("table", Table);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
