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

    public async Task<DeliveryClaim> ClaimAsync(Guid messageId, string system, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        // The delivery check and the claim in one statement (they were two round trips and two transactions per call).
        await using var command = dataSource.CreateCommand("""
            with delivered as (select 1 from outbound_deliveries where message_id = @id and system = @system),
            claimed as (
                insert into outbound_delivery_claims (message_id, system, claimed_until)
                select @id, @system, @until where not exists (select 1 from delivered)
                on conflict (message_id, system) do update set claimed_until = excluded.claimed_until
                where outbound_delivery_claims.claimed_until <= @now
                returning 1)
            select exists (select 1 from delivered), exists (select 1 from claimed)
            """);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("system", system);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("until", until);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetBoolean(0) ? DeliveryClaim.Delivered : reader.GetBoolean(1) ? DeliveryClaim.Claimed : DeliveryClaim.ClaimedElsewhere;
    }

    public async Task ReleaseClaimAsync(Guid messageId, string system, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("delete from outbound_delivery_claims where message_id = @id and system = @system");
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("system", system);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task MarkDeliveredAsync(Guid messageId, string system, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            with ended as (delete from outbound_delivery_claims where message_id = @id and system = @system)
            insert into outbound_deliveries (message_id, system, delivered_at) values (@id, @system, @at) on conflict do nothing
            """);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("system", system);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            with ended as (delete from outbound_delivery_claims where claimed_until < @cutoff)
            delete from outbound_deliveries where delivered_at < @cutoff
            """);
        command.Parameters.AddWithValue("cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
