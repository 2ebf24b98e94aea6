using MassTransit.Middleware.Outbox;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// One stored row of <c>bridge_outbox_message</c> as MassTransit's outbox delivery reads it: the consumer's own delivery
/// pass (<see cref="PostgresOutboxConsumeContext{TMessage}"/>) and the <see cref="ConsumerOutboxSweeper"/> select the
/// same columns in the same order.
/// </summary>
internal static class OutboxMessageRow
{
    static readonly string[] ColumnNames =
    [
        "sequence_number", "message_id", "content_type", "body", "headers", "properties", "conversation_id", "correlation_id",
        "initiator_id", "request_id", "source_address", "destination_address", "response_address", "fault_address", "sent_time",
        "enqueue_time", "expiration_time",
    ];

    /// <summary>The columns <see cref="Read"/> expects, in order, starting at the ordinal it is given.</summary>
    public static string Columns { get; } = string.Join(", ", ColumnNames);

    /// <summary><see cref="Columns"/> qualified with a table alias, for a query that joins another table.</summary>
    public static string ColumnsOf(string alias) => string.Join(", ", ColumnNames.Select(c => $"{alias}.{c}"));

    /// <summary>Reads the row starting at <paramref name="first"/>; the caller deserializes its headers for the context it sends in.</summary>
    public static InMemoryOutboxMessage Read(NpgsqlDataReader reader, int first = 0) => new()
    {
        SequenceNumber = reader.GetInt64(first),
        MessageId = reader.GetGuid(first + 1),
        ContentType = reader.GetString(first + 2),
        Body = reader.GetString(first + 3),
        Headers = reader.IsDBNull(first + 4) ? null! : reader.GetString(first + 4),
        Properties = reader.IsDBNull(first + 5) ? null! : reader.GetString(first + 5),
        ConversationId = NullableGuid(reader, first + 6),
        CorrelationId = NullableGuid(reader, first + 7),
        InitiatorId = NullableGuid(reader, first + 8),
        RequestId = NullableGuid(reader, first + 9),
        SourceAddress = NullableUri(reader, first + 10)!,
        DestinationAddress = NullableUri(reader, first + 11)!,
        ResponseAddress = NullableUri(reader, first + 12)!,
        FaultAddress = NullableUri(reader, first + 13)!,
        SentTime = reader.GetFieldValue<DateTime>(first + 14),
        EnqueueTime = reader.IsDBNull(first + 15) ? null : reader.GetFieldValue<DateTime>(first + 15),
        ExpirationTime = reader.IsDBNull(first + 16) ? null : reader.GetFieldValue<DateTime>(first + 16),
    };

    static Guid? NullableGuid(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    static Uri? NullableUri(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : new Uri(reader.GetString(ordinal));
}
