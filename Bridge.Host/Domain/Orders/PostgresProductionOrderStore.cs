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
            insert into production_orders (order_id, released, updated_at) values (@id, @released, now())
            on conflict (order_id) do update set released = excluded.released, updated_at = now()
            """);
        command.Parameters.AddWithValue("id", order.OrderId);
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
}
