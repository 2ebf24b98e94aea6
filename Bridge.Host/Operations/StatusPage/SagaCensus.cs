using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Storage.Sagas;
using MassTransit;
using MassTransit.Saga;
using Npgsql;

namespace Bridge.Host.Operations.StatusPage;

/// <summary>
/// Lists the newest saga instances of one kind for the status page, in either mode: the in-memory repository is
/// queried through MassTransit; in production the saga table is read directly (newest first, bounded).
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
