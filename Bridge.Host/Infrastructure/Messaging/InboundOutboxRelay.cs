using System.Text.Json;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Logging;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Publishes committed, unsent rows of <c>bridge_inbound_outbox</c> in creation order and marks each sent as it goes.
/// Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several hosts share the work. A row that cannot be read is
/// parked at once (<c>failed_at</c> + reason); a row whose publish fails has the failure counted on it and is tried again
/// in the next pass, until after <see cref="MaxPublishAttempts"/> failed passes it is parked. Either way the other rows
/// of the pass flow and are marked sent in the same commit, so none is published twice. A publish followed by a failed commit is repeated with the same MessageId, which
/// consumer inboxes recognise.
/// </summary>
public sealed class InboundOutboxRelay(NpgsqlDataSource dataSource, IBus bus, InboundOutboxSignal signal,
    IOptions<BridgeMessagingOptions> options, TimeProvider time, ILogger<InboundOutboxRelay> logger) : BackgroundService
{
    const int BatchSize = 100;

    /// <summary>Failed publishes of one row before it is parked (a broker outage fails every row; this bounds how long one row can block).</summary>
    public const int MaxPublishAttempts = 5;

    const string ClaimSql = """
        SELECT message_id, message_type, body::text, attempts FROM bridge_inbound_outbox
        WHERE sent_at IS NULL AND failed_at IS NULL ORDER BY created_at LIMIT @limit FOR UPDATE SKIP LOCKED
        """;

    /// <summary>Test hook: runs before each row is published, inside its <see cref="PublishTimeout"/> (throw to simulate a failure on that row, never finish to simulate a publish that hangs).</summary>
    internal Func<Guid, object, Task>? BeforePublish { get; set; }

    /// <summary>
    /// How long one publish may take. R2 (RabbitMQ stopped under load) met a publish issued as the broker went down that
    /// never returned, also after the broker was back, and held the relay (and every later request) for good.
    /// </summary>
    internal TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <returns>How many rows were published in this pass (a non-zero count means: look again at once).</returns>
    public async Task<int> RelayOnceAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var rows = new List<(Guid Id, string Type, string Body, int Attempts)>();
        await using (var claim = new NpgsqlCommand(ClaimSql, connection, transaction))
        {
            claim.Parameters.AddWithValue("limit", BatchSize);
            await using var reader = await claim.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        var published = 0;
        var sent = new List<Guid>(rows.Count);
        foreach (var (id, typeName, body, attempts) in rows)
        {
            var (type, message, unreadable) = Read(typeName, body);
            if (message is null)
            {
                // Never dropped: the row stays with its reason; clearing failed_at (after a fix) sends it again.
                Log.RelayUnreadableRow(logger, id, LogText.Escape(typeName), LogText.Escape(unreadable!));
                await ExecuteAsync(connection, transaction, "UPDATE bridge_inbound_outbox SET failed_at = @at, failure = @failure WHERE message_id = @id",
                    id, unreadable, ct).ConfigureAwait(false);
                continue;
            }

            using var publishing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            publishing.CancelAfter(PublishTimeout);
            try
            {
                if (BeforePublish is { } hook)
                    await hook(id, message).WaitAsync(publishing.Token).ConfigureAwait(false);
                await bus.PublishCanonical(message, type!, id, publishing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (publishing.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // No answer: the broker is away or the publish waits on a channel that is gone. Not this row's fault, so
                // not counted; the pass ends (the rows after it would wait just the same) and the next one tries again.
                Log.RelayPublishTimedOut(logger, id, PublishTimeout);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var failure = $"publish failed ({attempts + 1} of {MaxPublishAttempts}): {e.GetType().Name}: {e.Message}";
                var park = attempts + 1 >= MaxPublishAttempts;
                Log.RelayPublishFailed(logger, id, LogText.Escape(typeName), LogText.Escape(failure), park, e);
                await ExecuteAsync(connection, transaction,
                    park
                        ? "UPDATE bridge_inbound_outbox SET attempts = attempts + 1, failed_at = @at, failure = @failure WHERE message_id = @id"
                        : "UPDATE bridge_inbound_outbox SET attempts = attempts + 1, failure = @failure WHERE message_id = @id",
                    id, failure, ct).ConfigureAwait(false);
                continue;
            }

            sent.Add(id);
            published++;
        }

        if (sent.Count > 0)
        {
            // One statement for the pass: a round trip per row was half of what the relay spent per row.
            await using var mark = new NpgsqlCommand("UPDATE bridge_inbound_outbox SET sent_at = @at WHERE message_id = ANY(@ids)", connection, transaction);
            mark.Parameters.AddWithValue("at", time.GetUtcNow());
            mark.Parameters.AddWithValue("ids", sent.ToArray());
            await mark.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        if (published > 0)
            Log.RelayPublished(logger, published);
        return published;
    }

    static (Type? Type, object? Message, string? Failure) Read(string typeName, string body)
    {
        var type = InboundMessageSerializer.ResolveType(typeName);
        if (type is null)
            return (null, null, $"type '{typeName}' cannot be loaded by this host");
        try
        {
            var message = JsonSerializer.Deserialize(body, type, InboundMessageSerializer.Options);
            return message is null ? (type, null, "body is JSON null") : (type, message, null);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return (type, null, $"body does not read as {type.Name}: {e.GetType().Name}: {e.Message}");
        }
    }

    async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid id, string? failure, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        command.Parameters.AddWithValue("id", id);
        if (failure is not null)
            command.Parameters.AddWithValue("failure", failure);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
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
