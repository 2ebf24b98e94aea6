using System.Text.Json;
using Bridge.Contracts.Messages;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Domain.Orders;

public sealed class PostgresProductionOrderStore(NpgsqlDataSource dataSource) : IProductionOrderStore
{
    public async Task SaveAsync(ProductionOrderReleased order, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into production_orders (order_id, released, due_at, updated_at) values (@id, @released, @due, now())
            on conflict (order_id) do update set released = excluded.released, due_at = excluded.due_at, updated_at = now()
            """);
        command.Parameters.AddWithValue("id", order.OrderId);
        command.Parameters.Add(new NpgsqlParameter("due", NpgsqlDbType.TimestampTz) { Value = (object?)order.DueAt?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("released", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(order, JsonSerializerOptions.Web) });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<ProductionOrderReleased?> FindAsync(string orderId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select released::text from production_orders where order_id = @id");
        command.Parameters.AddWithValue("id", orderId);
        return await command.ExecuteScalarAsync(ct) is string json
            ? JsonSerializer.Deserialize<ProductionOrderReleased>(json, JsonSerializerOptions.Web)
            : null;
    }

    public async Task<OrderOnFile> LookUpAsync(string orderId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select released::text, cancelled_at is not null from production_orders where order_id = @id");
        command.Parameters.AddWithValue("id", orderId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new OrderOnFile(JsonSerializer.Deserialize<ProductionOrderReleased>(reader.GetString(0), JsonSerializerOptions.Web), reader.GetBoolean(1))
            : new OrderOnFile(null, false);
    }

    public async Task<IReadOnlyList<ProductionOrderReleased>> ListDueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select released::text from production_orders where due_at >= @from and due_at < @to and cancelled_at is null order by due_at, order_id");
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = to.ToUniversalTime() });
        var found = new List<ProductionOrderReleased>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add(JsonSerializer.Deserialize<ProductionOrderReleased>(reader.GetString(0), JsonSerializerOptions.Web)!);
        return found;
    }

    public async Task<OrderChangeOutcome> ApplyChangeAsync(ProductionOrderChanged change, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        ProductionOrderReleased? order = null;
        DateTimeOffset? changedAt = null;
        var cancelled = false;
        await using (var select = new NpgsqlCommand(
            "select released::text, changed_at, cancelled_at is not null from production_orders where order_id = @id for update", connection, tx))
        {
            select.Parameters.AddWithValue("id", change.OrderId);
            await using var reader = await select.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                order = JsonSerializer.Deserialize<ProductionOrderReleased>(reader.GetString(0), JsonSerializerOptions.Web);
                changedAt = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1);
                cancelled = reader.GetBoolean(2);
            }
        }

        var outcome = ProductionOrderChanges.Apply(order, changedAt, cancelled, change);
        if (outcome is OrderChangeOutcome.Applied applied)
        {
            await using var update = new NpgsqlCommand(
                "update production_orders set released = @released, due_at = @due, changed_at = @at, updated_at = now() where order_id = @id",
                connection, tx);
            update.Parameters.AddWithValue("id", change.OrderId);
            update.Parameters.Add(new NpgsqlParameter("released", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(applied.After, JsonSerializerOptions.Web) });
            update.Parameters.Add(new NpgsqlParameter("due", NpgsqlDbType.TimestampTz) { Value = (object?)applied.After.DueAt?.ToUniversalTime() ?? DBNull.Value });
            update.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = change.OccurredAt.ToUniversalTime() });
            await update.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return outcome;
    }

    public async Task<bool> CancelAsync(string orderId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "update production_orders set cancelled_at = now(), updated_at = now() where order_id = @id and cancelled_at is null");
        command.Parameters.AddWithValue("id", orderId);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> IsCancelledAsync(string orderId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select cancelled_at is not null from production_orders where order_id = @id");
        command.Parameters.AddWithValue("id", orderId);
        return await command.ExecuteScalarAsync(ct) is true;
    }
}
