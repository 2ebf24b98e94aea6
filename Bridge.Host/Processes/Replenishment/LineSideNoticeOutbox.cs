using System.Text.Json;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// <c>line_side_notices</c>: the notices a signal batch raised, written in the batch's transaction and removed once
/// published, so a notice committed with its level change is never lost to a crash before the publish.
/// </summary>
public sealed class LineSideNoticeOutbox(NpgsqlDataSource dataSource, PostgresSession session, TimeProvider time)
{
    public Task AddAsync(IReadOnlyList<LineSideNotice> notices, CancellationToken ct)
    {
        if (notices.Count == 0)
            return Task.CompletedTask;
        return session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand("""
                insert into line_side_notices (message_id, message_type, body, created_at)
                select *, @now from unnest(@ids, @types, @bodies) on conflict (message_id) do nothing
                """, connection, tx);
            command.Parameters.AddWithValue("ids", notices.Select(n => n.MessageId).ToArray());
            command.Parameters.AddWithValue("types", notices.Select(n => InboundMessageSerializer.TypeName(n.Message.GetType())).ToArray());
            command.Parameters.Add(new NpgsqlParameter("bodies", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
            {
                Value = notices.Select(n => JsonSerializer.Serialize(n.Message, n.Message.GetType(), InboundMessageSerializer.Options)).ToArray(),
            });
            command.Parameters.AddWithValue("now", time.GetUtcNow());
            await command.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public async Task RemoveAsync(Guid[] messageIds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("delete from line_side_notices where message_id = any(@ids)");
        command.Parameters.AddWithValue("ids", messageIds);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Notices older than <paramref name="age"/> (left by a crash or a failed publish), oldest first.</summary>
    public async Task<IReadOnlyList<LineSideNotice>> LeftOverAsync(TimeSpan age, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select message_id, message_type, body::text from line_side_notices where created_at <= @before order by created_at limit @limit");
        command.Parameters.AddWithValue("before", time.GetUtcNow() - age);
        command.Parameters.AddWithValue("limit", limit);
        var notices = new List<LineSideNotice>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // Only this host's own notice types are ever written here; one that no longer loads stays for an operator.
            if (InboundMessageSerializer.ResolveType(reader.GetString(1)) is { } type
                && JsonSerializer.Deserialize(reader.GetString(2), type, InboundMessageSerializer.Options) is { } message)
                notices.Add(new LineSideNotice(reader.GetGuid(0), message));
        }

        return notices;
    }
}
