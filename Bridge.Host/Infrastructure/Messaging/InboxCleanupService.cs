using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Periodically deletes completed inbox rows and sent inbound-outbox rows older than
/// <see cref="BridgeMessagingOptions.InboxRetention"/>: redeliveries and client retries are expected well within it. An
/// inbox row that still has stored messages (parked by the <see cref="ConsumerOutboxSweeper"/>) stays with them.
/// </summary>
public sealed class InboxCleanupService(NpgsqlDataSource dataSource, IOptions<BridgeMessagingOptions> options, TimeProvider time,
    ILogger<InboxCleanupService> logger) : BackgroundService
{
    /// <returns>The number of rows removed from both tables.</returns>
    public async Task<int> CleanOnceAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.InboxRetention;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            DELETE FROM bridge_inbox i WHERE i.received_at < $1 AND i.delivered_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM bridge_outbox_message o WHERE o.endpoint_name = i.endpoint_name
                  AND o.consumer_id = i.consumer_id AND o.inbox_message_id = i.message_id)
            """)
        {
            Parameters = { new NpgsqlParameter { Value = cutoff } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM bridge_inbound_outbox WHERE sent_at < $1")
        {
            Parameters = { new NpgsqlParameter { Value = cutoff } },
        });
        var removed = await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        Log.InboxCleaned(logger, removed, cutoff);
        return removed;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicDatabaseWork.RunAsync(options.Value.InboxCleanupInterval, time, CleanOnceAsync, e => Log.InboxCleanupFailed(logger, e), stoppingToken);
}
