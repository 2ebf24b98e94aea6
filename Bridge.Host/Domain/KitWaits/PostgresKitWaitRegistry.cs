using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Domain.KitWaits;

public sealed class PostgresKitWaitRegistry(NpgsqlDataSource dataSource) : IKitWaitRegistry
{
    public async Task WaitAsync(Guid requestSagaId, IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            delete from kit_waits where request_id = @id;
            insert into kit_waits (request_id, material) select @id, unnest(@materials) on conflict do nothing
            """);
        command.Parameters.AddWithValue("id", requestSagaId);
        command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = materials.ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task RemoveAsync(Guid requestSagaId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("delete from kit_waits where request_id = @id");
        command.Parameters.AddWithValue("id", requestSagaId);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<Guid>> FindWaitingAsync(IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select distinct request_id from kit_waits where material = any(@materials)");
        command.Parameters.Add(new NpgsqlParameter("materials", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = materials.ToArray() });
        var list = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetGuid(0));
        }

        return list;
    }
}
