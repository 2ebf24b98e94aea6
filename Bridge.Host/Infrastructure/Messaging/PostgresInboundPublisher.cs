using System.Text.Json;
using Bridge.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Production mode: commits the message to <c>bridge_inbound_outbox</c> (primary key = MessageId, so a repeat is a
/// duplicate) and lets <see cref="InboundOutboxRelay"/> publish it; an accepted message survives a crash or restart.
/// </summary>
public sealed class PostgresInboundPublisher(NpgsqlDataSource dataSource, InboundOutboxSignal signal, TimeProvider time) : IInboundPublisher
{
    const string InsertSql = """
        INSERT INTO bridge_inbound_outbox (message_id, message_type, body, created_at) VALUES (@id, @type, @body, @at)
        ON CONFLICT (message_id) DO NOTHING
        """;

    public async Task<InboundPublishResult> PublishAsync(ICanonicalMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageId == Guid.Empty)
            throw new ArgumentException($"{message.GetType().Name}.MessageId is empty; an inbound message needs its idempotency key.", nameof(message));

        var type = message.GetType();
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.AddWithValue("id", message.MessageId);
        command.Parameters.AddWithValue("type", InboundMessageSerializer.TypeName(type));
        command.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(message, type, InboundMessageSerializer.Options));
        command.Parameters.AddWithValue("at", time.GetUtcNow());
        var inserted = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        if (!inserted)
            return new InboundPublishResult(message.MessageId, InboundPublishOutcome.Duplicate);

        signal.Notify();
        return new InboundPublishResult(message.MessageId, InboundPublishOutcome.Accepted);
    }
}
