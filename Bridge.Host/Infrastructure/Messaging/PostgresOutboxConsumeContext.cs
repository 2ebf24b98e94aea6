using Bridge.Host.Infrastructure.Scheduling;
using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Scheduling;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// The consume context a consumer or saga sees inside the PostgreSQL outbox: every Publish/Send/Schedule is stored as a
/// row in the current transaction instead of going to the broker; inbox progress is written to the same transaction.
/// </summary>
public sealed class PostgresOutboxConsumeContext<TMessage>(
    ConsumeContext<TMessage> context,
    OutboxConsumeOptions options,
    IServiceProvider provider,
    PostgresUnitOfWork unitOfWork,
    InboxState inbox,
    TimeProvider time,
    OutboxDeliveryHooks? hooks = null,
    List<InMemoryOutboxMessage>? prefetched = null)
    : OutboxConsumeContextProxy<TMessage>(context, options, provider)
    where TMessage : class
{
    const string InboxWhere = "endpoint_name = @endpoint AND consumer_id = @consumer";

    const string InsertSql = """
        INSERT INTO bridge_outbox_message (endpoint_name, consumer_id, inbox_message_id, message_id, content_type, body, headers,
            properties, conversation_id, correlation_id, initiator_id, request_id, source_address, destination_address,
            response_address, fault_address, sent_time, enqueue_time, expiration_time, stored_at)
        VALUES (@endpoint, @consumer, @inbox, @message_id, @content_type, @body, @headers, @properties, @conversation_id,
            @correlation_id, @initiator_id, @request_id, @source_address, @destination_address, @response_address,
            @fault_address, @sent_time, @enqueue_time, @expiration_time, @now)
        """;

    // Parked rows (the sweeper gave up on them, with a reason) are an operator's: neither delivered nor removed here.
    // A consume's rows are read in the order of ix_bridge_outbox_message_inbox and recognised as unparked with a test the
    // sweeper's partial index (sequence_number WHERE parked_at IS NULL) cannot serve: with that index on offer, the
    // planner, misled by a churning table's statistics, walked every pending row of every consume in sequence order to
    // find this consume's one (94–230 buffers a lookup, 180 index entries a scan, in the material benchmark).
    const string Unparked = "parked_at IS NOT DISTINCT FROM NULL";

    const string InboxOrder = "ORDER BY endpoint_name, consumer_id, inbox_message_id, sequence_number";

    static readonly string SelectSql = $"""
        SELECT {OutboxMessageRow.Columns}
        FROM bridge_outbox_message WHERE {InboxWhere} AND inbox_message_id = @message AND sequence_number > @after AND {Unparked}
        {InboxOrder} LIMIT @limit
        """;

    /// <summary>
    /// <see cref="SelectSql"/> for the round trip that locks the inbox row (<see cref="PostgresOutboxContextFactory"/>): the
    /// last sequence number sent is read from that row, which the statement before it in the batch has locked.
    /// </summary>
    internal static readonly string SelectAfterLockSql = $"""
        SELECT {OutboxMessageRow.Columns}
        FROM bridge_outbox_message WHERE {InboxWhere} AND inbox_message_id = @message AND {Unparked}
            AND sequence_number > COALESCE((SELECT last_sequence_number FROM bridge_inbox WHERE {InboxWhere} AND message_id = @message), 0)
        {InboxOrder} LIMIT @limit
        """;

    /// <summary>The rows a load may return: <see cref="MassTransit.OutboxOptions.MessageDeliveryLimit"/> and one more, to tell a full load from all of them.</summary>
    internal static int LoadLimit(OutboxConsumeOptions options) => options.MessageDeliveryLimit + 1;

    public override bool ContinueProcessing { get; set; } = true;

    public override bool IsMessageConsumed => inbox.ConsumedAt.HasValue;

    public override bool IsOutboxDelivered => inbox.DeliveredAt.HasValue;

    public override int ReceiveCount => inbox.ReceiveCount;

    public override long? LastSequenceNumber => inbox.LastSequenceNumber;

    // Rows of the messages sent so far, written with the inbox mark and the commit in one round trip when the consume is
    // done (PostgresUnitOfWork.Defer): a consumer may hold locks until commit (a stock reservation does), and a round trip
    // per send kept them longer.
    readonly List<NpgsqlBatchCommand> _pending = [];

    int _added;

    bool _unwrittenSequenceNumber;

    bool _setDelivered;

    int? _loaded;

    int _notified;

    public override Task SetConsumed()
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_added == 0)
        {
            // Nothing to deliver: consumed and delivered in this one transaction, no further passes.
            UpdateInbox("consumed_at = @value, delivered_at = @value", now);
            inbox.ConsumedAt = now;
            inbox.DeliveredAt = now;
            ContinueProcessing = false;
            return Task.CompletedTask;
        }

        UpdateInbox("consumed_at = @value", now);
        inbox.ConsumedAt = now;
        return Task.CompletedTask;
    }

    public override Task SetDelivered()
    {
        _setDelivered = true;
        // Everything is sent: mark it (with the last sequence number sent) and drop the rows in one round trip of the same
        // transaction, saving MassTransit's separate removal pass — unless this receive did not consume the message (a
        // redelivery, or an input moved back from _error, that found it consumed but undelivered): only that last pass
        // marks this receive consumed; without it MassTransit moves the message to the _skipped queue (seen in the soak).
        var now = time.GetUtcNow().UtcDateTime;
        var mark = InboxUpdate("delivered_at = @value, last_sequence_number = COALESCE(@last, last_sequence_number)", now);
        mark.Parameters.AddWithValue("last", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)inbox.LastSequenceNumber ?? DBNull.Value);
        unitOfWork.Defer(new DeferredWrite(mark));
        unitOfWork.Defer(new DeferredWrite(RemoveCommand()));
        inbox.DeliveredAt = now;
        _unwrittenSequenceNumber = false;
        if (ReceiveContext.IsDelivered)
            ContinueProcessing = false;
        return Task.CompletedTask;
    }

    public override Task NotifyOutboxMessageDelivered(OutboxMessageContext message)
    {
        // Kept in memory and written with the delivered mark (or by FlushAsync before a pass that stops short commits): a
        // write here would be undone with the rest of the pass if it rolls back, so a round trip per message bought nothing.
        inbox.LastSequenceNumber = message.SequenceNumber;
        _unwrittenSequenceNumber = true;
        _notified++;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Called by <see cref="PostgresOutboxContextFactory"/> before the pass commits: what is still only in memory. A pass
    /// that sent every row its load found, and found them all (fewer than the load's limit), marks the outbox delivered
    /// here: MassTransit would otherwise open one more pass (inbox lock, a load that comes back empty, the mark) to learn it.
    /// </summary>
    internal Task FlushAsync()
    {
        if (!_setDelivered && _loaded is { } loaded && loaded > 0 && loaded <= Options.MessageDeliveryLimit && _notified == loaded)
            return SetDelivered();

        if (!_unwrittenSequenceNumber)
            return Task.CompletedTask;
        UpdateInbox("last_sequence_number = @value", inbox.LastSequenceNumber!.Value);
        _unwrittenSequenceNumber = false;
        return Task.CompletedTask;
    }

    public override async Task<List<OutboxMessageContext>> LoadOutboxMessages()
    {
        if (hooks?.BeforeConsumerDelivery is { } hook)
            await hook(inbox.Key).ConfigureAwait(false);
        if (prefetched is not null)
        {
            // Read with the inbox lock, in its round trip: the same rows this load would read now (the lock is held).
            var rows = new List<OutboxMessageContext>(prefetched.Count);
            foreach (var row in prefetched)
            {
                row.Deserialize(SerializerContext);
                rows.Add(row);
            }

            prefetched = null;
            _loaded = rows.Count;
            _notified = 0;
            return rows;
        }

        // The load is a delivery pass's first step: nothing of this pass waits for the commit that it should read.
        if (unitOfWork.DeferredCount > 0)
            throw new InvalidOperationException("The outbox load would not see the writes deferred to the commit.");
        var connection = await unitOfWork.GetConnectionAsync(CancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(SelectSql, connection, unitOfWork.Transaction);
        AddInboxKey(command.Parameters);
        command.Parameters.AddWithValue("message", inbox.Key.MessageId);
        // Only what is still undelivered: MassTransit's delivery pass marks the outbox delivered once a load comes back short.
        command.Parameters.AddWithValue("after", inbox.LastSequenceNumber ?? 0L);
        command.Parameters.AddWithValue("limit", LoadLimit(Options));
        var messages = new List<OutboxMessageContext>();
        await using (var reader = await command.ExecuteReaderAsync(CancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(CancellationToken).ConfigureAwait(false))
            {
                var message = OutboxMessageRow.Read(reader);
                message.Deserialize(SerializerContext);
                messages.Add(message);
            }
        }

        _loaded = messages.Count;
        _notified = 0;
        return messages;
    }

    public override Task RemoveOutboxMessages()
    {
        unitOfWork.Defer(new DeferredWrite(RemoveCommand()));
        return Task.CompletedTask;
    }

    NpgsqlBatchCommand RemoveCommand()
    {
        var command = new NpgsqlBatchCommand($"DELETE FROM bridge_outbox_message WHERE {InboxWhere} AND inbox_message_id = @message AND {Unparked}");
        AddInboxKey(command.Parameters);
        command.Parameters.AddWithValue("message", inbox.Key.MessageId);
        return command;
    }

    public override Task AddSend<T>(SendContext<T> context)
    {
        var messageId = context.MessageId ?? throw new MessageException(typeof(T), "The SendContext MessageId must be present to store it in the outbox.");
        var now = time.GetUtcNow().UtcDateTime;
        if (context.Message is ScheduleMessage schedule)
        {
            // A timeout is a row of this transaction, not a message to deliver (StoredSchedules).
            _pending.Add(StoredSchedules.Save(schedule, context, SerializerContext, now));
            return Task.CompletedTask;
        }

        var body = context.Serializer.GetMessageBody(context);

        var headers = SerializerContext.SerializeDictionary(context.Headers.GetAll());
        string? properties = null;
        if (context is TransportSendContext<T> transportSendContext)
        {
            var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            transportSendContext.WritePropertiesTo(values);
            properties = SerializerContext.SerializeDictionary(values);
        }

        var command = new NpgsqlBatchCommand(InsertSql);
        AddInboxKey(command.Parameters);
        command.Parameters.AddWithValue("inbox", inbox.Key.MessageId);
        command.Parameters.AddWithValue("message_id", messageId);
        command.Parameters.AddWithValue("content_type", context.ContentType?.ToString() ?? context.Serialization.DefaultContentType.ToString());
        command.Parameters.AddWithValue("body", body.GetString());
        // MassTransit serializes an empty header set to null: store SQL NULL, never an empty string.
        command.Parameters.AddWithValue("headers", (object?)headers ?? DBNull.Value);
        command.Parameters.AddWithValue("properties", (object?)properties ?? DBNull.Value);
        command.Parameters.AddWithValue("conversation_id", (object?)context.ConversationId ?? DBNull.Value);
        command.Parameters.AddWithValue("correlation_id", (object?)context.CorrelationId ?? DBNull.Value);
        command.Parameters.AddWithValue("initiator_id", (object?)context.InitiatorId ?? DBNull.Value);
        command.Parameters.AddWithValue("request_id", (object?)context.RequestId ?? DBNull.Value);
        command.Parameters.AddWithValue("source_address", (object?)context.SourceAddress?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("destination_address", (object?)context.DestinationAddress?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("response_address", (object?)context.ResponseAddress?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("fault_address", (object?)context.FaultAddress?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("sent_time", DateTime.SpecifyKind(context.SentTime ?? now, DateTimeKind.Utc));
        command.Parameters.AddWithValue("enqueue_time", context.Delay.HasValue ? now + context.Delay.Value : DBNull.Value);
        command.Parameters.AddWithValue("expiration_time", context.TimeToLive.HasValue ? now + context.TimeToLive.Value : DBNull.Value);
        command.Parameters.AddWithValue("now", DateTime.SpecifyKind(now, DateTimeKind.Utc));
        if (context.Message is CancelScheduledMessage cancel)
            command = StoredSchedules.Cancel(cancel.TokenId, InsertSql, command.Parameters);
        _pending.Add(command);
        _added++;
        return Task.CompletedTask;
    }

    /// <summary>The inbox mark, preceded by the rows of the messages sent since the last write; both sent with the commit.</summary>
    void UpdateInbox(string assignment, object value)
    {
        foreach (var send in _pending)
            unitOfWork.Defer(new DeferredWrite(send));
        _pending.Clear();
        unitOfWork.Defer(new DeferredWrite(InboxUpdate(assignment, value)));
    }

    NpgsqlBatchCommand InboxUpdate(string assignment, object value)
    {
        var update = new NpgsqlBatchCommand($"UPDATE bridge_inbox SET {assignment} WHERE {InboxWhere} AND message_id = @message");
        AddInboxKey(update.Parameters);
        update.Parameters.AddWithValue("message", inbox.Key.MessageId);
        update.Parameters.AddWithValue("value", value);
        return update;
    }

    void AddInboxKey(NpgsqlParameterCollection parameters)
    {
        parameters.AddWithValue("endpoint", inbox.Key.EndpointName);
        parameters.AddWithValue("consumer", inbox.Key.ConsumerId);
    }
}
