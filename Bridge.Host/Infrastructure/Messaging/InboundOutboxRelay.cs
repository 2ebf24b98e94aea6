using System.Text.Json;
using Bridge.Host.Infrastructure.Configuration;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Publishes committed, unsent rows of <c>bridge_inbound_outbox</c> in creation order and marks them sent. Rows are
/// claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several hosts share the work; a publish that is followed by a failed
/// commit is repeated later with the same MessageId, which consumer inboxes recognise.
/// </summary>
public sealed class InboundOutboxRelay(NpgsqlDataSource dataSource, IBus bus, InboundOutboxSignal signal,
    IOptions<BridgeMessagingOptions> options, TimeProvider time, ILogger<InboundOutboxRelay> logger) : BackgroundService
{
    const int BatchSize = 100;

    const string ClaimSql = """
        SELECT message_id, message_type, body::text FROM bridge_inbound_outbox
        WHERE sent_at IS NULL AND failed_at IS NULL ORDER BY created_at LIMIT @limit FOR UPDATE SKIP LOCKED
        """;

    /// <returns>How many rows were published in this pass (a non-zero count means: look again at once).</returns>
    public async Task<int> RelayOnceAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var rows = new List<(Guid Id, string Type, string Body)>();
        await using (var claim = new NpgsqlCommand(ClaimSql, connection, transaction))
        {
            claim.Parameters.AddWithValue("limit", BatchSize);
            await using var reader = await claim.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }

        var published = new List<Guid>();
        foreach (var (id, typeName, body) in rows)
        {
            var type = InboundMessageSerializer.ResolveType(typeName);
            object? message = null;
            string? failure = type is null ? $"type '{typeName}' cannot be loaded by this host" : null;
            try
            {
                if (type is not null)
                    message = JsonSerializer.Deserialize(body, type, InboundMessageSerializer.Options);
            }
            catch (JsonException e)
            {
                failure = $"body does not read as {type!.Name}: {e.Message}";
            }

            if (message is null)
            {
                // Never dropped: the row stays with its reason; clearing failed_at (after a fix) sends it again.
                failure ??= "body is JSON null";
                Log.RelayUnreadableRow(logger, id, typeName, failure);
                await using var fail = new NpgsqlCommand(
                    "UPDATE bridge_inbound_outbox SET failed_at = @at, failure = @failure WHERE message_id = @id", connection, transaction);
                fail.Parameters.AddWithValue("at", time.GetUtcNow());
                fail.Parameters.AddWithValue("failure", failure);
                fail.Parameters.AddWithValue("id", id);
                await fail.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                continue;
            }

            await bus.PublishCanonical(message, type!, id, ct).ConfigureAwait(false);
            published.Add(id);
        }

        if (published.Count > 0)
        {
            await using var mark = new NpgsqlCommand("UPDATE bridge_inbound_outbox SET sent_at = @at WHERE message_id = ANY(@ids)", connection, transaction);
            mark.Parameters.AddWithValue("at", time.GetUtcNow());
            mark.Parameters.AddWithValue("ids", published.ToArray());
            await mark.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        if (published.Count > 0)
            Log.RelayPublished(logger, published.Count);
        return published.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await RelayOnceAsync(stoppingToken).ConfigureAwait(false) > 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.RelayFailed(logger, e);
            }

            if (!full)
            {
                try
                {
                    await signal.WaitAsync(options.Value.OutboxRelayPollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
