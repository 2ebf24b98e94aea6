using Npgsql;

namespace Bridge.Faults.Flood;

/// <summary>The dead letters a host kept for one system (PostgreSQL table <c>dead_letters</c>), and how many of them have no reason.</summary>
public static class DeadLetterCount
{
    public static async Task<(long Kept, long WithoutReason)> ForAsync(string postgres, string system, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select count(*), count(*) filter (where btrim(reason) = '') from dead_letters where system = @system", connection);
        command.Parameters.AddWithValue("system", system);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
