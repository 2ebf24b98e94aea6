using Bridge.Host.Infrastructure.Storage;
using Npgsql;

namespace Bridge.Host.Domain.Orders;

/// <summary>
/// The index in PostgreSQL; written inside the saga's own transaction when there is one. Filing a request also takes a
/// share lock on its order's row until the saga commits: an order change or cancellation (which update that row first)
/// then waits, and finds the request in the index — or the request, reading the order after the lock, sees the change.
/// </summary>
public sealed class PostgresOrderRequestIndex(PostgresSession session) : IOrderRequestIndex
{
    public Task AddAsync(string orderId, Guid requestSagaId, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand(
                """
                insert into order_material_requests (order_id, request_id) values (@order, @request) on conflict do nothing;
                select 1 from production_orders where order_id = @order for share;
                """, connection, tx);
            command.Parameters.AddWithValue("order", PostgresText.Storable(orderId));
            command.Parameters.AddWithValue("request", requestSagaId);
            await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task<IReadOnlyList<Guid>> FindAsync(string orderId, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand("select request_id from order_material_requests where order_id = @order", connection, tx);
            command.Parameters.AddWithValue("order", PostgresText.Storable(orderId));
            var found = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add(reader.GetGuid(0));
            }

            IReadOnlyList<Guid> list = found;
            return list;
        }, ct);
}
