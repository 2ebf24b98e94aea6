using System.Text.Json;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using MassTransit.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>
/// A <see cref="ScheduleMessage"/> or <see cref="CancelScheduledMessage"/> a consumer sends inside the PostgreSQL outbox
/// becomes a row written (or deleted) in the consumer's own transaction, instead of a message to the Hangfire scheduler
/// queue: a saga's timeout costs one statement in the round trip its commit makes anyway, where the queue cost two bus
/// messages, two consumes with their inbox transactions and a dozen Hangfire statements. The row commits or rolls back
/// with the saga state, so a schedule and its cancel can no longer overtake each other.
/// A cancel that finds no row (a token Hangfire still holds from before this store, or one already fired) goes on to the
/// scheduler queue as before, through the outbox row the caller gives it.
/// </summary>
internal static class StoredSchedules
{
    const string SaveSql = """
        INSERT INTO bridge_scheduled_message (token_id, due_at, destination_address, data, stored_at)
        VALUES (@token, @due, @destination, @data, @now)
        ON CONFLICT (token_id) DO UPDATE SET due_at = excluded.due_at, destination_address = excluded.destination_address,
            data = excluded.data, stored_at = excluded.stored_at, attempts = 0, parked_at = NULL, failure = NULL
        """;

    /// <summary>The row of a schedule (a reschedule of the same token replaces it).</summary>
    public static NpgsqlBatchCommand Save<T>(ScheduleMessage schedule, SendContext<T> context, SerializerContext serializer, DateTime now)
        where T : class
    {
        var body = serializer.GetMessageSerializer(schedule.Payload, schedule.PayloadType)
            .GetMessageBody(new MessageSendContext<ScheduleMessage>(schedule, context.CancellationToken));
        var headers = context.Headers.GetAll().ToList();
        var data = new ScheduledMessageData
        {
            DestinationAddress = schedule.Destination.ToString(),
            ContentType = context.ContentType?.ToString() ?? context.Serialization.DefaultContentType.ToString(),
            Body = body.GetString(),
            TokenId = schedule.CorrelationId.ToString(),
            MessageId = context.MessageId?.ToString(),
            CorrelationId = context.CorrelationId?.ToString(),
            ConversationId = context.ConversationId?.ToString(),
            InitiatorId = context.InitiatorId?.ToString(),
            RequestId = context.RequestId?.ToString(),
            SourceAddress = context.SourceAddress?.ToString(),
            ResponseAddress = context.ResponseAddress?.ToString(),
            FaultAddress = context.FaultAddress?.ToString(),
            HeadersJson = headers.Count == 0 ? null : JsonSerializer.Serialize(headers, SystemTextJsonMessageSerializer.Options),
        };

        var command = new NpgsqlBatchCommand(SaveSql);
        command.Parameters.AddWithValue("token", schedule.CorrelationId);
        command.Parameters.AddWithValue("due", DateTime.SpecifyKind(schedule.ScheduledTime, DateTimeKind.Utc));
        command.Parameters.AddWithValue("destination", data.DestinationAddress);
        command.Parameters.AddWithValue("data", JsonSerializer.Serialize(data));
        command.Parameters.AddWithValue("now", DateTime.SpecifyKind(now, DateTimeKind.Utc));
        return command;
    }

    /// <summary>
    /// Deletes the token's row; only when there was none, inserts the cancel's outbox row (<paramref name="outboxInsert"/>:
    /// an <c>INSERT … VALUES (…)</c>, with <paramref name="outboxParameters"/>), so the scheduler queue gets it as before.
    /// </summary>
    public static NpgsqlBatchCommand Cancel(Guid tokenId, string outboxInsert, NpgsqlParameterCollection outboxParameters)
    {
        var values = outboxInsert.IndexOf("VALUES", StringComparison.Ordinal);
        var open = outboxInsert.IndexOf('(', values);
        var close = outboxInsert.LastIndexOf(')');
        var sql = "WITH removed AS (DELETE FROM bridge_scheduled_message WHERE token_id = @cancel_token RETURNING 1) "
            + outboxInsert[..values] + "SELECT " + outboxInsert[(open + 1)..close] + " WHERE NOT EXISTS (SELECT 1 FROM removed)";
        var command = new NpgsqlBatchCommand(sql);
        foreach (NpgsqlParameter parameter in outboxParameters)
        {
            var copy = parameter.Clone();
            if (copy.Value is DBNull)
                copy.NpgsqlDbType = NullType(copy.ParameterName);
            command.Parameters.Add(copy);
        }

        command.Parameters.AddWithValue("cancel_token", tokenId);
        return command;
    }

    // In INSERT … SELECT a NULL parameter has no column to take its type from: name it (the outbox row's columns).
    static NpgsqlDbType NullType(string name) =>
        name.EndsWith("_id", StringComparison.Ordinal) ? NpgsqlDbType.Uuid
        : name.EndsWith("_time", StringComparison.Ordinal) ? NpgsqlDbType.TimestampTz
        : NpgsqlDbType.Text;
}
