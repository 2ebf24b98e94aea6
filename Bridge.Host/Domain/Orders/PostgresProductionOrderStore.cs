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

    public async Task<IReadOnlyList<ProductionOrderReleased>> ListDueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select released::text from production_orders where due_at >= @from and due_at < @to order by due_at, order_id");
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = from.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = to.ToUniversalTime() });
        var found = new List<ProductionOrderReleased>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add(JsonSerializer.Deserialize<ProductionOrderReleased>(reader.GetString(0), JsonSerializerOptions.Web)!);
        return found;
    }
}
