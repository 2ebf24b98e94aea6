using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Domain.KitWaits;

/// <summary>Waits in PostgreSQL; registered and removed inside the saga's own transaction when there is one.</summary>
public sealed class PostgresKitWaitRegistry(PostgresSession session) : IKitWaitRegistry
{
    public Task WaitAsync(Guid requestSagaId, IReadOnlyCollection<string> materials, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand(
                """
                delete from kit_waits where request_id = @id;
                insert into kit_waits (request_id, material) select @id, unnest(@materials) on conflict do nothing
                """, connection, tx);
            command.Parameters.AddWithValue("id", requestSagaId);
            command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = materials.ToArray() });
            await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task RemoveAsync(Guid requestSagaId, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand("delete from kit_waits where request_id = @id", connection, tx);
            command.Parameters.AddWithValue("id", requestSagaId);
            await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public Task<IReadOnlyList<Guid>> FindWaitingAsync(IReadOnlyCollection<string> materials, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand("select distinct request_id from kit_waits where material = any(@materials)", connection, tx);
            command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = materials.ToArray() });
            var list = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                list.Add(reader.GetGuid(0));
            }

            IReadOnlyList<Guid> found = list;
            return found;
        }, ct);
}
