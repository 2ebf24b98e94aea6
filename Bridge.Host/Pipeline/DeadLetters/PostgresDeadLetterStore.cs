using System.Text.Json;
using Bridge.Host.Infrastructure.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Pipeline.DeadLetters;

/// <summary>The raw body is <c>bytea</c> (byte for byte); text columns are made storable (<see cref="PostgresText"/>).</summary>
public sealed class PostgresDeadLetterStore(NpgsqlDataSource dataSource) : IDeadLetterStore
{
    private const string Columns = "id, received_at, system, message_type, mapping, content_type, body, reason, metadata::text, replayed_at, discarded_at, discard_reason";

    public async Task AddAsync(DeadLetter letter, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into dead_letters (id, received_at, system, message_type, mapping, content_type, body, reason, metadata)
            values (@id, @at, @system, @type, @mapping, @contentType, @body, @reason, @metadata)
            """);
        command.Parameters.AddWithValue("id", letter.Id);
        command.Parameters.AddWithValue("at", letter.ReceivedAt);
        command.Parameters.AddWithValue("system", PostgresText.Storable(letter.System));
        command.Parameters.AddWithValue("type", PostgresText.Storable(letter.MessageType));
        command.Parameters.AddWithValue("mapping", letter.Mapping is null ? DBNull.Value : (object)PostgresText.Storable(letter.Mapping));
        command.Parameters.AddWithValue("contentType", PostgresText.Storable(letter.ContentType));
        command.Parameters.AddWithValue("body", letter.Body);
        command.Parameters.AddWithValue("reason", PostgresText.Storable(letter.Reason));
        command.Parameters.Add(new NpgsqlParameter("metadata", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(Storable(letter.Metadata)) });
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            ParameterValues.Release(command.Parameters);
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, bool includeReplayed, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from dead_letters where @all or (replayed_at is null and discarded_at is null) order by received_at desc limit @limit");
        command.Parameters.AddWithValue("all", includeReplayed);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, ct);
    }

    public async Task<IReadOnlyList<DeadLetterSummary>> SummarizeAsync(int limit, bool includeReplayed, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            select id, received_at, system, message_type, reason, replayed_at is not null or discarded_at is not null
            from dead_letters where @all or (replayed_at is null and discarded_at is null) order by received_at desc limit @limit
            """);
        command.Parameters.AddWithValue("all", includeReplayed);
        command.Parameters.AddWithValue("limit", limit);
        var list = new List<DeadLetterSummary>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new DeadLetterSummary(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetBoolean(5)));
        }

        return list;
    }

    public async Task<long> CountOpenAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select count(*) from dead_letters where replayed_at is null and discarded_at is null");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<DeadLetter?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from dead_letters where id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    public async Task MarkReplayedAsync(Guid id, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("update dead_letters set replayed_at = @at where id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> DiscardAsync(Guid id, DateTimeOffset at, string reason, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "update dead_letters set discarded_at = @at, discard_reason = @reason where id = @id and replayed_at is null and discarded_at is null");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("reason", PostgresText.Storable(reason));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static Dictionary<string, string> Storable(IReadOnlyDictionary<string, string> metadata)
    {
        var storable = new Dictionary<string, string>(metadata.Count);
        foreach (var (key, value) in metadata)
        {
            storable[PostgresText.Storable(key)] = PostgresText.Storable(value);
        }

        return storable;
    }

    private static async Task<IReadOnlyList<DeadLetter>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var list = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new DeadLetter(
                reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetFieldValue<byte[]>(6), reader.GetString(7),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(8)) ?? [],
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return list;
    }
}
