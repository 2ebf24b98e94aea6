using System.Text.Json;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Production mode: commits the message to <c>bridge_inbound_outbox</c> (primary key = MessageId, so a repeat is a
/// duplicate) and lets <see cref="InboundOutboxRelay"/> publish it; an accepted message survives a crash or restart.
/// </summary>
public sealed class PostgresInboundPublisher(NpgsqlDataSource dataSource, InboundOutboxSignal signal, TimeProvider time) : IInboundPublisher
{
    /// <summary>Rows sent to PostgreSQL in one round trip when a document maps to many messages.</summary>
    internal const int BatchSize = 500;

    const string InsertSql = """
        INSERT INTO bridge_inbound_outbox (message_id, message_type, body, created_at) VALUES (@id, @type, @body, @at)
        ON CONFLICT (message_id) DO NOTHING
        """;

    public async Task<InboundPublishResult> PublishAsync(ICanonicalMessage message, CancellationToken ct)
    {
        Check(message);
        await using var command = dataSource.CreateCommand(InsertSql);
        AddParameters(command.Parameters, message, time.GetUtcNow());
        var inserted = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        if (!inserted)
            return new InboundPublishResult(message.MessageId, InboundPublishOutcome.Duplicate);

        signal.Notify();
        return new InboundPublishResult(message.MessageId, InboundPublishOutcome.Accepted);
    }

    /// <summary>
    /// One transaction for the whole document, <see cref="BatchSize"/> rows per round trip: a 20,000-row stock export
    /// took one autocommitted insert per row before (most of the ten seconds it took to be accepted).
    /// </summary>
    public async Task<IReadOnlyList<InboundPublishResult>> PublishAllAsync(IReadOnlyList<ICanonicalMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count <= 1)
            return messages.Count == 0 ? [] : [await PublishAsync(messages[0], ct).ConfigureAwait(false)];

        foreach (var message in messages)
            Check(message);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAllAsync(messages, ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                // Two documents sharing rows in another order (a resent export, reordered): one of them goes again.
            }
        }
    }

    async Task<IReadOnlyList<InboundPublishResult>> InsertAllAsync(IReadOnlyList<ICanonicalMessage> messages, CancellationToken ct)
    {
        var results = new List<InboundPublishResult>(messages.Count);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        // The relay publishes in created_at order: one microsecond (PostgreSQL's resolution) apart keeps the document's.
        var at = time.GetUtcNow();
        foreach (var chunk in messages.Chunk(BatchSize))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var message in chunk)
            {
                var command = new NpgsqlBatchCommand(InsertSql);
                AddParameters(command.Parameters, message, at);
                at = at.AddTicks(TimeSpan.TicksPerMicrosecond);
                batch.BatchCommands.Add(command);
            }

            try
            {
                await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                ParameterValues.Release(batch);
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var outcome = batch.BatchCommands[i].RecordsAffected == 1 ? InboundPublishOutcome.Accepted : InboundPublishOutcome.Duplicate;
                results.Add(new InboundPublishResult(chunk[i].MessageId, outcome));
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        if (results.Any(r => !r.IsDuplicate))
            signal.Notify();
        return results;
    }

    static void Check(ICanonicalMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageId == Guid.Empty)
            throw new ArgumentException($"{message.GetType().Name}.MessageId is empty; an inbound message needs its idempotency key.", nameof(message));
    }

    static void AddParameters(NpgsqlParameterCollection parameters, ICanonicalMessage message, DateTimeOffset at)
    {
        var type = message.GetType();
        parameters.AddWithValue("id", message.MessageId);
        parameters.AddWithValue("type", InboundMessageSerializer.TypeName(type));
        parameters.AddWithValue("body", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(message, type, InboundMessageSerializer.Options));
        parameters.AddWithValue("at", at);
    }
}
