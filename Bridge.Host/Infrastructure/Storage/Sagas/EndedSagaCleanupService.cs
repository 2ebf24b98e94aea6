using Bridge.Host.Infrastructure.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// Every <see cref="BridgeMessagingOptions.SagaCleanupInterval"/>, deletes the rows of sagas in an ended state
/// (<see cref="EndedSagaStates"/>) that have not changed for <see cref="BridgeMessagingOptions.SagaRetention"/>, so a
/// saga table holds what is open plus the retention's worth of history, not every request since the first. Deletes in
/// slices of <see cref="Slice"/> rows, each its own short transaction, so a first run over years of rows neither holds
/// long locks nor grows one huge transaction. A saga still open is never deleted, however old.
/// </summary>
public sealed class EndedSagaCleanupService(NpgsqlDataSource dataSource, IEnumerable<EndedSagaStates> sagas, IOptions<BridgeMessagingOptions> options,
    TimeProvider time, ILogger<EndedSagaCleanupService> logger) : BackgroundService
{
    public const int Slice = 5_000;

    /// <returns>The rows deleted over every saga table.</returns>
    public async Task<int> CleanOnceAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.SagaRetention;
        var total = 0;
        foreach (var saga in sagas)
        {
            var deleted = 0;
            int slice;
            do
            {
                await using var command = dataSource.CreateCommand($"""
                    DELETE FROM {saga.Table} WHERE id IN (
                        SELECT id FROM {saga.Table} WHERE updated_at < $1 AND {SagaTable.CurrentStateColumn} = ANY($2) LIMIT {Slice})
                    """);
                command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
                command.Parameters.Add(new NpgsqlParameter { Value = saga.States.ToArray() });
                slice = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                deleted += slice;
            }
            while (slice == Slice);

            if (deleted > 0) Log.EndedSagasDeleted(logger, deleted, saga.Table, cutoff);
            total += deleted;
        }

        return total;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicDatabaseWork.RunAsync(options.Value.SagaCleanupInterval, time, CleanOnceAsync, e => Log.EndedSagaCleanupFailed(logger, e), stoppingToken);
}
