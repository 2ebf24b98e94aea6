using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Runs each outbox pass of a consumed message in one Npgsql transaction on the scope's <see cref="PostgresUnitOfWork"/>:
/// the inbox row is upserted (and so locked against a concurrent redelivery), then MassTransit's outbox pipe either
/// consumes the message (the saga repository joins the same transaction; sends/publishes are stored), delivers the stored
/// messages, or removes them and stops.
/// </summary>
public sealed class PostgresOutboxContextFactory(PostgresUnitOfWork unitOfWork, IServiceProvider provider, TimeProvider time,
    OutboxDeliveryHooks hooks, IEnumerable<ISagaLoadAhead> sagaLoads)
    : IOutboxContextFactory<PostgresUnitOfWork>
{
    const string LockInboxSql = """
        INSERT INTO bridge_inbox (endpoint_name, consumer_id, message_id, consumer_type, received_at, receive_count)
        VALUES (@endpoint, @consumer, @message, @type, @now, 1)
        ON CONFLICT (endpoint_name, consumer_id, message_id) DO UPDATE SET receive_count = bridge_inbox.receive_count + @increment
        RETURNING receive_count, consumed_at, delivered_at, last_sequence_number
        """;

    const int InboxColumns = 4;

    public async Task Send<T>(ConsumeContext<T> context, OutboxConsumeOptions options, IPipe<OutboxConsumeContext<T>> next)
        where T : class
    {
        var messageId = context.GetOriginalMessageId()
            ?? throw new MessageException(typeof(T), "A MessageId is required to consume through the PostgreSQL inbox.");
        var key = new InboxKey(InboxKey.EndpointNameOf(context.ReceiveContext.InputAddress),
            InboxKey.ConsumerKeyOf(options.ConsumerId, options.ConsumerType), messageId);
        var ct = context.CancellationToken;
        var firstPass = true;
        var continueProcessing = true;
        // A delivery pass's inbox lock and load, run in the round trip that committed the consume before it.
        (InboxState Inbox, List<InMemoryOutboxMessage>? Prefetched)? locked = null;
        while (continueProcessing)
        {
            if (locked is null)
                await unitOfWork.BeginAsync(ct).ConfigureAwait(false);
            try
            {
                var sagaLoad = firstPass ? await SagaLoadFor(context, options).ConfigureAwait(false) : null;
                var (inbox, prefetched) = locked ?? await LockInbox(key, options, firstPass, sagaLoad, ct).ConfigureAwait(false);
                locked = null;
                firstPass = false;
                var outboxContext = new PostgresOutboxConsumeContext<T>(context, options, provider, unitOfWork, inbox, time, hooks, prefetched);
                await next.Send(outboxContext).ConfigureAwait(false);
                await outboxContext.FlushAsync().ConfigureAwait(false);
                continueProcessing = outboxContext.ContinueProcessing;
                if (continueProcessing && outboxContext.IsMessageConsumed && !outboxContext.IsOutboxDelivered)
                {
                    // The next pass delivers: its transaction begins, locks the inbox row and loads the rows to send in
                    // the round trip of this commit — what its own first round trip would do, one round trip sooner.
                    locked = await unitOfWork.CommitAndBeginAsync(LockCommands(key, options, firstPass: false, sagaLoad: null),
                        (reader, token) => ReadLock(reader, key, firstPass: false, sagaLoad: null, token), ct).ConfigureAwait(false);
                }
                else
                {
                    await unitOfWork.CommitAsync(ct).ConfigureAwait(false);
                }
            }
            catch
            {
                await unitOfWork.RollbackAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("postgresOutboxContextFactory");

    /// <summary>The load of the saga instance this consume's event correlates to, when the consumer is a saga stored here.</summary>
    async Task<SagaLoadAheadCommand?> SagaLoadFor<T>(ConsumeContext<T> context, OutboxConsumeOptions options)
        where T : class
    {
        foreach (var load in sagaLoads)
        {
            if (string.Equals(load.ConsumerType, options.ConsumerType, StringComparison.Ordinal))
                return await load.CommandFor(context).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>
    /// Locks (or inserts) the inbox row. A later pass of this receive — its consume committed with messages to send —
    /// loads the undelivered rows in the same round trip: they are read under the lock, as a separate load would read
    /// them, and that pass does nothing else before it sends them. The first pass of a saga's consume loads the saga
    /// instance in the same round trip, after the lock, as the repository would have loaded it next
    /// (<see cref="ISagaLoadAhead"/>); an already consumed message leaves the row unused.
    /// </summary>
    async Task<(InboxState Inbox, List<InMemoryOutboxMessage>? Prefetched)> LockInbox(InboxKey key, OutboxConsumeOptions options, bool firstPass,
        SagaLoadAheadCommand? sagaLoad, CancellationToken ct)
    {
        var connection = await unitOfWork.GetConnectionAsync(ct).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, unitOfWork.Transaction);
        foreach (var command in LockCommands(key, options, firstPass, sagaLoad))
            batch.BatchCommands.Add(command);
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await ReadLock(reader, key, firstPass, sagaLoad, ct).ConfigureAwait(false);
    }

    List<NpgsqlBatchCommand> LockCommands(InboxKey key, OutboxConsumeOptions options, bool firstPass, SagaLoadAheadCommand? sagaLoad)
    {
        var lockInbox = new NpgsqlBatchCommand(LockInboxSql);
        lockInbox.Parameters.AddWithValue("endpoint", key.EndpointName);
        lockInbox.Parameters.AddWithValue("consumer", key.ConsumerId);
        lockInbox.Parameters.AddWithValue("message", key.MessageId);
        lockInbox.Parameters.AddWithValue("type", (object?)options.ConsumerType ?? DBNull.Value);
        lockInbox.Parameters.AddWithValue("now", time.GetUtcNow());
        lockInbox.Parameters.AddWithValue("increment", firstPass ? 1 : 0);
        List<NpgsqlBatchCommand> commands = [lockInbox];
        if (!firstPass)
        {
            var load = new NpgsqlBatchCommand(PostgresOutboxConsumeContext<object>.SelectAfterLockSql);
            load.Parameters.AddWithValue("endpoint", key.EndpointName);
            load.Parameters.AddWithValue("consumer", key.ConsumerId);
            load.Parameters.AddWithValue("message", key.MessageId);
            load.Parameters.AddWithValue("limit", PostgresOutboxConsumeContext<object>.LoadLimit(options));
            commands.Add(load);
        }

        if (sagaLoad is not null)
            commands.Add(sagaLoad.Command);
        return commands;
    }

    /// <summary>
    /// Reads what <see cref="LockCommands"/> returned, from the first result that is the inbox row's (a commit's writes
    /// may come before it in the batch, and a checked write returns an empty result of its own).
    /// </summary>
    async Task<(InboxState Inbox, List<InMemoryOutboxMessage>? Prefetched)> ReadLock(NpgsqlDataReader reader, InboxKey key, bool firstPass,
        SagaLoadAheadCommand? sagaLoad, CancellationToken ct)
    {
        while (reader.FieldCount != InboxColumns || !string.Equals(reader.GetName(0), "receive_count", StringComparison.Ordinal))
        {
            if (!await reader.NextResultAsync(ct).ConfigureAwait(false))
                throw new InvalidOperationException("The batch returned no inbox row.");
        }

        await reader.ReadAsync(ct).ConfigureAwait(false);
        var inbox = new InboxState
        {
            Key = key,
            ReceiveCount = reader.GetInt32(0),
            ConsumedAt = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTime>(1),
            DeliveredAt = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTime>(2),
            LastSequenceNumber = reader.IsDBNull(3) ? null : reader.GetInt64(3),
        };
        if (sagaLoad is not null && await reader.NextResultAsync(ct).ConfigureAwait(false))
            unitOfWork.KeepLoadedAhead(await sagaLoad.ReadAsync(reader, ct).ConfigureAwait(false));
        if (firstPass || !await reader.NextResultAsync(ct).ConfigureAwait(false))
            return (inbox, null);
        var rows = new List<InMemoryOutboxMessage>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            rows.Add(OutboxMessageRow.Read(reader));
        // Only a pass that will deliver uses them (consumed, not yet delivered).
        return (inbox, inbox.ConsumedAt is not null && inbox.DeliveredAt is null ? rows : null);
    }
}
