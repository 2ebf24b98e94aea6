using Npgsql;

namespace Bridge.Faults.Flood;

/// <summary>
/// The dead letters a host kept for one system (PostgreSQL table <c>dead_letters</c>), and how many of them have no
/// reason. With a message type, only the letters of that inbound type: a payload refused on the way in. Without, also
/// the canonical messages a consumer refused after the payload was mapped (their message type is the canonical type,
/// e.g. a <c>BinLevelReported</c> for a bin line-side.yaml does not know) — counting those as payload outcomes too
/// made R4's MQTT and AMQP payloads look mapped and dead-lettered at once (the "duplicated" of sessions 7 and 8).
/// </summary>
public static class DeadLetterCount
{
    public static async Task<(long Kept, long WithoutReason)> ForAsync(string postgres, string system, string? messageType, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select count(*), count(*) filter (where btrim(reason) = '') from dead_letters where system = @system and (@type::text is null or message_type = @type)", connection);
        command.Parameters.AddWithValue("system", system);
        command.Parameters.AddWithValue("type", (object?)messageType ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
