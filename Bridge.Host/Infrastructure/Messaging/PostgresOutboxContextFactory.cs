using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using MassTransit.Middleware;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Runs each outbox pass of a consumed message in one Npgsql transaction on the scope's <see cref="PostgresUnitOfWork"/>:
/// the inbox row is upserted (and so locked against a concurrent redelivery), then MassTransit's outbox pipe either
/// consumes the message (the saga repository joins the same transaction; sends/publishes are stored), delivers the stored
/// messages, or removes them and stops.
/// </summary>
public sealed class PostgresOutboxContextFactory(PostgresUnitOfWork unitOfWork, IServiceProvider provider, TimeProvider time,
    OutboxDeliveryHooks hooks)
    : IOutboxContextFactory<PostgresUnitOfWork>
{
    const string LockInboxSql = """
        INSERT INTO bridge_inbox (endpoint_name, consumer_id, message_id, consumer_type, received_at, receive_count)
        VALUES (@endpoint, @consumer, @message, @type, @now, 1)
        ON CONFLICT (endpoint_name, consumer_id, message_id) DO UPDATE SET receive_count = bridge_inbox.receive_count + @increment
        RETURNING receive_count, consumed_at, delivered_at, last_sequence_number
        """;

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
        while (continueProcessing)
        {
            await unitOfWork.BeginAsync(ct).ConfigureAwait(false);
            try
            {
                var inbox = await LockInbox(key, options.ConsumerType, firstPass, ct).ConfigureAwait(false);
                firstPass = false;
                var outboxContext = new PostgresOutboxConsumeContext<T>(context, options, provider, unitOfWork, inbox, time, hooks);
                await next.Send(outboxContext).ConfigureAwait(false);
                await outboxContext.FlushAsync().ConfigureAwait(false);
                await unitOfWork.CommitAsync(ct).ConfigureAwait(false);
                continueProcessing = outboxContext.ContinueProcessing;
            }
            catch
            {
                await unitOfWork.RollbackAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("postgresOutboxContextFactory");

    async Task<InboxState> LockInbox(InboxKey key, string? consumerType, bool firstPass, CancellationToken ct)
    {
        var connection = await unitOfWork.GetConnectionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(LockInboxSql, connection, unitOfWork.Transaction);
        command.Parameters.AddWithValue("endpoint", key.EndpointName);
        command.Parameters.AddWithValue("consumer", key.ConsumerId);
        command.Parameters.AddWithValue("message", key.MessageId);
        command.Parameters.AddWithValue("type", (object?)consumerType ?? DBNull.Value);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        command.Parameters.AddWithValue("increment", firstPass ? 1 : 0);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return new InboxState
        {
            Key = key,
            ReceiveCount = reader.GetInt32(0),
            ConsumedAt = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTime>(1),
            DeliveredAt = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTime>(2),
            LastSequenceNumber = reader.IsDBNull(3) ? null : reader.GetInt64(3),
        };
    }
}
