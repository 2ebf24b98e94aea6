using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Logging;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Sends messages a consumer stored in <c>bridge_outbox_message</c> (its consume committed) that its own delivery pass
/// never sent — the broker went away, the process died after the commit, or the input went to <c>_error</c> after its
/// delivery kept failing — once they are older than <see cref="BridgeMessagingOptions.ConsumerOutboxGracePeriod"/>.
/// <para>
/// Rows are claimed together with their inbox row, <c>FOR UPDATE SKIP LOCKED</c>: two sweepers never take the same row,
/// and a consumer's own delivery pass (which locks the inbox row) and a sweeper never send the same receipt's messages.
/// A sent row is deleted in the transaction that commits after the broker confirmed it; when a receipt has no unparked
/// rows left its inbox row is marked delivered, so an input moved back from <c>_error</c> later sends nothing again. A
/// commit that fails after a send repeats that send with the same MessageId, which consumer inboxes recognise.
/// </para>
/// <para>
/// Rows up to the inbox row's <c>last_sequence_number</c> were sent by the consumer's own delivery pass, which commits
/// before its removal pass deletes them: they are never claimed (found by two hosts sweeping with no grace period).
/// </para>
/// <para>
/// A row whose send fails is counted; the receipt's later rows wait for the next sweep (order kept). After
/// <see cref="MaxSendAttempts"/> failed sweeps it is parked (<c>parked_at</c> + <c>failure</c>) and the rows after it
/// flow; clearing <c>parked_at</c> sends it again. No sweep runs while the bus is unhealthy, so a broker outage parks nothing.
/// </para>
/// </summary>
public sealed class ConsumerOutboxSweeper(NpgsqlDataSource dataSource, IBusControl bus, OutboxDeliveryHooks hooks,
    IOptions<BridgeMessagingOptions> options, TimeProvider time, ILogger<ConsumerOutboxSweeper> logger) : BackgroundService
{
    const int BatchSize = 100;

    static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Failed sweeps of one row before it is parked.</summary>
    public const int MaxSendAttempts = 5;

    static readonly string ClaimSql = $"""
        SELECT o.endpoint_name, o.consumer_id, o.inbox_message_id, o.attempts, COALESCE(o.stored_at, o.sent_time),
            {OutboxMessageRow.ColumnsOf("o")}
        FROM bridge_outbox_message o
        JOIN bridge_inbox i ON i.endpoint_name = o.endpoint_name AND i.consumer_id = o.consumer_id AND i.message_id = o.inbox_message_id
        WHERE o.parked_at IS NULL AND COALESCE(o.stored_at, o.sent_time) < @cutoff
            AND o.sequence_number > COALESCE(i.last_sequence_number, 0)
        ORDER BY o.sequence_number LIMIT @limit
        FOR UPDATE SKIP LOCKED
        """;

    const string MarkDeliveredSql = """
        UPDATE bridge_inbox i SET delivered_at = @at
        WHERE i.endpoint_name = @endpoint AND i.consumer_id = @consumer AND i.message_id = @message AND i.delivered_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM bridge_outbox_message o WHERE o.endpoint_name = i.endpoint_name
              AND o.consumer_id = i.consumer_id AND o.inbox_message_id = i.message_id AND o.parked_at IS NULL)
        """;

    /// <returns>How many stored messages were sent in this sweep (a full batch means: sweep again at once).</returns>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        if (bus.CheckHealth().Status == BusHealthStatus.Unhealthy)
        {
            Log.SweepSkippedBusUnhealthy(logger);
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var rows = await ClaimAsync(connection, transaction, ct).ConfigureAwait(false);

        var sent = 0;
        var waiting = new HashSet<InboxKey>();
        foreach (var row in rows)
        {
            // A receipt's messages go out in the order its consumer stored them: after a failure its later rows wait.
            if (waiting.Contains(row.Inbox))
                continue;
            var message = row.Message;
            try
            {
                if (hooks.BeforeSweeperSend is { } hook)
                    await hook(message.MessageId).ConfigureAwait(false);
                await SendAsync(message, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var failure = $"send failed ({row.Attempts + 1} of {MaxSendAttempts}): {e.GetType().Name}: {e.Message}";
                var park = row.Attempts + 1 >= MaxSendAttempts;
                Log.SweepSendFailed(logger, message.MessageId, Escape(row.Inbox.EndpointName), Escape(message.DestinationAddress),
                    LogText.Escape(failure), park, e);
                await ExecuteAsync(connection, transaction,
                    park
                        ? "UPDATE bridge_outbox_message SET attempts = attempts + 1, failure = @failure, parked_at = @at WHERE sequence_number = @sequence"
                        : "UPDATE bridge_outbox_message SET attempts = attempts + 1, failure = @failure WHERE sequence_number = @sequence",
                    command =>
                    {
                        command.Parameters.AddWithValue("sequence", message.SequenceNumber);
                        command.Parameters.AddWithValue("failure", failure);
                    }, ct).ConfigureAwait(false);
                if (!park)
                    waiting.Add(row.Inbox);
                continue;
            }

            await ExecuteAsync(connection, transaction, "DELETE FROM bridge_outbox_message WHERE sequence_number = @sequence",
                command => command.Parameters.AddWithValue("sequence", message.SequenceNumber), ct).ConfigureAwait(false);
            Log.SweepSent(logger, message.MessageId, Escape(message.DestinationAddress), Escape(row.Inbox.EndpointName),
                row.Inbox.MessageId, row.StoredAt);
            sent++;
        }

        foreach (var inbox in rows.Select(r => r.Inbox).Distinct())
        {
            await ExecuteAsync(connection, transaction, MarkDeliveredSql, command =>
            {
                command.Parameters.AddWithValue("endpoint", inbox.EndpointName);
                command.Parameters.AddWithValue("consumer", inbox.ConsumerId);
                command.Parameters.AddWithValue("message", inbox.MessageId);
            }, ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        if (sent > 0)
            Log.SweepCompleted(logger, sent, rows.Count - sent);
        return sent;
    }

    async Task<List<ClaimedRow>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var claim = new NpgsqlCommand(ClaimSql, connection, transaction);
        claim.Parameters.AddWithValue("cutoff", time.GetUtcNow() - options.Value.ConsumerOutboxGracePeriod);
        claim.Parameters.AddWithValue("limit", BatchSize);
        var rows = new List<ClaimedRow>();
        await using var reader = await claim.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var message = OutboxMessageRow.Read(reader, first: 5);
            message.Deserialize(SystemTextJsonMessageSerializer.Instance);
            rows.Add(new ClaimedRow(new InboxKey(reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2)), reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4), message));
        }

        return rows;
    }

    async Task SendAsync(InMemoryOutboxMessage message, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SendTimeout);
        var destination = message.DestinationAddress ?? throw new InvalidOperationException("the stored message has no destination address");
        var endpoint = await bus.GetSendEndpoint(destination).ConfigureAwait(false);
        await endpoint.Send(new SweptMessage(), new OutboxMessageSendPipe(message, destination), timeout.Token)
            .ConfigureAwait(false);
    }

    async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Action<NpgsqlCommand> parameters,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        parameters(command);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    static string Escape(object? value) => LogText.Escape(value?.ToString() ?? "(none)");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ConsumerOutboxSweepInterval, time);
        try
        {
            do
            {
                try
                {
                    while (await SweepOnceAsync(stoppingToken).ConfigureAwait(false) >= BatchSize)
                    {
                        // A full batch: more may be waiting.
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.SweepFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    sealed record ClaimedRow(InboxKey Inbox, int Attempts, DateTimeOffset StoredAt, InMemoryOutboxMessage Message);

    /// <summary>The placeholder MassTransit sends; <see cref="OutboxMessageSendPipe"/> replaces body, headers and serializer with the stored ones.</summary>
    sealed class SweptMessage;
}
