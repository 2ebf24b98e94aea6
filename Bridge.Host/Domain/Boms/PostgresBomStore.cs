using System.Text.Json;
using Bridge.Contracts.Messages;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Domain.Boms;

/// <summary>The BOMs in PostgreSQL (table <c>boms</c>, see <see cref="BomsSchemaScript"/>); an older publication never overwrites a newer one.</summary>
public sealed class PostgresBomStore(NpgsqlDataSource dataSource) : IBomStore
{
    public async Task<bool> SaveAsync(BomPublished bom, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into boms (material, published, occurred_at, updated_at) values (@material, @published, @occurred, now())
            on conflict (material) do update set published = excluded.published, occurred_at = excluded.occurred_at, updated_at = now()
            where boms.occurred_at <= excluded.occurred_at
            """);
        command.Parameters.AddWithValue("material", bom.Material);
        command.Parameters.Add(new NpgsqlParameter("published", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(bom, JsonSerializerOptions.Web) });
        command.Parameters.AddWithValue("occurred", bom.OccurredAt.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task<IReadOnlyList<BomPublished>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select published::text from boms order by material");
        var list = new List<BomPublished>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(JsonSerializer.Deserialize<BomPublished>(reader.GetString(0), JsonSerializerOptions.Web)!);
        }

        return list;
    }
}
