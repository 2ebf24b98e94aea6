using System.Text.Json;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Logging;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>
/// Sends the due rows of <c>bridge_scheduled_message</c> (<see cref="StoredSchedules"/>) every
/// <see cref="BridgeMessagingOptions.JobPollInterval"/>, never before they are due. Rows are claimed
/// <c>FOR UPDATE SKIP LOCKED</c> (several hosts share the work, none sends a row another holds) and deleted in the
/// transaction that commits after the send; a commit that fails repeats the send with the same MessageId, which the
/// receiver's inbox recognises. A send that fails is counted on the row and tried at the next poll; after
/// <see cref="MaxSendAttempts"/> the row is parked with its reason (clearing <c>parked_at</c> sends it again). No poll
/// runs while the bus is unhealthy, so a broker outage parks nothing.
/// </summary>
public sealed class StoredScheduleSweeper(NpgsqlDataSource dataSource, IBusControl bus, IOptions<BridgeMessagingOptions> options,
    TimeProvider time, ILogger<StoredScheduleSweeper> logger) : BackgroundService
{
    const int BatchSize = 100;

    public const int MaxSendAttempts = 5;

    const string ClaimSql = """
        SELECT token_id, data, attempts FROM bridge_scheduled_message
        WHERE due_at <= @now AND parked_at IS NULL ORDER BY due_at LIMIT @limit FOR UPDATE SKIP LOCKED
        """;

    /// <returns>How many due messages were sent (a full batch means: look again at once).</returns>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (bus.CheckHealth().Status == BusHealthStatus.Unhealthy)
            return 0;
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var rows = new List<(Guid Token, string Data, int Attempts)>();
        await using (var claim = new NpgsqlCommand(ClaimSql, connection, transaction))
        {
            claim.Parameters.AddWithValue("now", time.GetUtcNow());
            claim.Parameters.AddWithValue("limit", BatchSize);
            await using var reader = await claim.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)));
        }

        if (rows.Count == 0)
            return 0;

        var sent = new List<Guid>(rows.Count);
        await using var outcomes = new NpgsqlBatch(connection, transaction); // failed sends counted or parked, sent rows deleted
        foreach (var (token, text, attempts) in rows)
        {
            try
            {
                var data = JsonSerializer.Deserialize<ScheduledMessageData>(text)
                    ?? throw new JsonException("the stored schedule is JSON null");
                await ScheduledMessageJob.ForwardAsync(bus, data, ct).ConfigureAwait(false);
                sent.Add(token);
                Log.StoredScheduleFired(logger, token, LogText.Escape(data.DestinationAddress));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var park = e is JsonException || attempts + 1 >= MaxSendAttempts;
                var failure = $"send failed ({attempts + 1} of {MaxSendAttempts}): {e.GetType().Name}: {e.Message}";
                Log.StoredScheduleFailed(logger, token, LogText.Escape(failure), park, e);
                var update = new NpgsqlBatchCommand(park
                    ? "UPDATE bridge_scheduled_message SET attempts = attempts + 1, failure = @failure, parked_at = @at WHERE token_id = @token"
                    : "UPDATE bridge_scheduled_message SET attempts = attempts + 1, failure = @failure WHERE token_id = @token");
                update.Parameters.AddWithValue("failure", failure);
                update.Parameters.AddWithValue("at", time.GetUtcNow());
                update.Parameters.AddWithValue("token", token);
                outcomes.BatchCommands.Add(update);
            }
        }

        if (sent.Count > 0)
        {
            var delete = new NpgsqlBatchCommand("DELETE FROM bridge_scheduled_message WHERE token_id = ANY(@tokens)");
            delete.Parameters.AddWithValue("tokens", sent.ToArray());
            outcomes.BatchCommands.Add(delete);
        }

        if (outcomes.BatchCommands.Count > 0)
            await outcomes.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return sent.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await SendDueAsync(stoppingToken).ConfigureAwait(false) >= BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.StoredSchedulePollFailed(logger, e);
            }

            if (!full)
            {
                try
                {
                    await Task.Delay(options.Value.JobPollInterval, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
