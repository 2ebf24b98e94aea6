using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Storage.Sagas;
using MassTransit;
using MassTransit.Saga;
using Npgsql;

namespace Bridge.Host.Operations.StatusPage;

/// <summary>
/// Lists the newest saga instances of one kind for the status page, and counts all of them by state for the gauges, in
/// either mode: the in-memory repository is queried through MassTransit; in production the saga table is read directly
/// (a list newest first, bounded; a count in SQL over <see cref="SagaTable.CurrentStateColumn"/>, no body read).
/// </summary>
public sealed class SagaCensus<TSaga>(IServiceProvider services, IConfiguration configuration)
    where TSaga : class, ISaga
{
    public async Task<IReadOnlyList<TSaga>> ListAsync(int limit, CancellationToken ct)
    {
        if (BridgeModeSetting.Read(configuration) == BridgeMode.Production)
        {
            return await ReadTableAsync(services.GetRequiredService<NpgsqlDataSource>(), limit, ct);
        }

        if (services.GetService<IQuerySagaRepository<TSaga>>() is not { } query)
        {
            return [];
        }

        var reader = services.GetRequiredService<ISagaStateReader<TSaga>>();
        var found = new List<TSaga>();
        foreach (var id in (await query.Find(new SagaQuery<TSaga>(_ => true))).Take(limit))
        {
            if (await reader.FindAsync(id, ct) is { } saga)
            {
                found.Add(saga);
            }
        }

        return found;
    }

    /// <summary>
    /// Every instance counted by state (<paramref name="stateOf"/> reads it in memory; in production PostgreSQL counts
    /// the stored <c>CurrentState</c>). States in no instance are absent.
    /// </summary>
    public async Task<IReadOnlyList<(string State, long Count)>> CountByStateAsync(Func<TSaga, string> stateOf, CancellationToken ct)
    {
        if (BridgeModeSetting.Read(configuration) == BridgeMode.Production)
        {
            return await CountTableAsync(services.GetRequiredService<NpgsqlDataSource>(), ct);
        }

        return (await ListAsync(int.MaxValue, ct)).GroupBy(stateOf).Select(g => (g.Key, (long)g.Count())).ToList();
    }

    private static async Task<IReadOnlyList<(string State, long Count)>> CountTableAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        // The table name comes from the saga's type, never from input.
        await using var command = dataSource.CreateCommand(
            $"select coalesce({SagaTable.CurrentStateColumn}, ''), count(*) from {SagaTable.NameFor(typeof(TSaga))} group by 1");
        var counted = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counted.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return counted;
    }

    private static async Task<IReadOnlyList<TSaga>> ReadTableAsync(NpgsqlDataSource dataSource, int limit, CancellationToken ct)
    {
        // The table name comes from the saga's type, never from input.
        await using var command = dataSource.CreateCommand($"select id, state::text from {SagaTable.NameFor(typeof(TSaga))} order by updated_at desc limit @limit");
        command.Parameters.AddWithValue("limit", limit);
        var found = new List<TSaga>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(SagaStateSerializer.Deserialize<TSaga>(reader.GetString(1), reader.GetGuid(0)));
        }

        return found;
    }
}
