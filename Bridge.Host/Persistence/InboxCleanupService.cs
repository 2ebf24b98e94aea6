using Bridge.Host.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Persistence;

/// <summary>Deletes completed inbox rows older than <see cref="BridgeMessagingOptions.InboxRetention"/>, periodically.</summary>
public sealed class InboxCleanupService(NpgsqlDataSource dataSource, IOptions<BridgeMessagingOptions> options, TimeProvider time,
    ILogger<InboxCleanupService> logger) : BackgroundService
{
    /// <returns>The number of inbox rows removed.</returns>
    public async Task<int> CleanOnceAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.InboxRetention;
        await using var command = dataSource.CreateCommand(
            "DELETE FROM bridge_inbox WHERE received_at < @cutoff AND delivered_at IS NOT NULL");
        command.Parameters.AddWithValue("cutoff", cutoff);
        var removed = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        Log.InboxCleaned(logger, removed, cutoff);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.InboxCleanupInterval, time);
        do
        {
            try
            {
                await CleanOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                Log.InboxCleanupFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
