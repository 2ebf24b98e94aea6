using Npgsql;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// Production: one short auto-committed statement per check or mark, so no connection or transaction is held while
/// the receiving system is called.
/// </summary>
public sealed class PostgresOutboundDeliveryLog(NpgsqlDataSource dataSource) : IOutboundDeliveryLog
{
    public async Task<bool> WasDeliveredAsync(Guid messageId, string system, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from outbound_deliveries where message_id = @id and system = @system)");
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("system", system);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task MarkDeliveredAsync(Guid messageId, string system, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "insert into outbound_deliveries (message_id, system, delivered_at) values (@id, @system, @at) on conflict do nothing");
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("system", system);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("delete from outbound_deliveries where delivered_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
