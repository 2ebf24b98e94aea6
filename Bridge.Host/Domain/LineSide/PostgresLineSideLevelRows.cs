using Bridge.Host.Infrastructure.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Domain.LineSide;

/// <summary>
/// <c>line_side_levels</c> for a writer that keeps the rows in memory: read rows (creating the missing ones, full) and
/// write the changed ones in one statement, each only if its version is still the one read (optimistic: a receipt, or
/// another host that held the queue meanwhile, changed it otherwise).
/// </summary>
public static class PostgresLineSideLevelRows
{
    public static async Task<Dictionary<string, VersionedLevel>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx,
        IReadOnlyCollection<LineSideLocation> locations, CancellationToken ct)
    {
        var ids = locations.Select(l => PostgresText.Storable(l.Id)).ToArray();
        await using var batch = new NpgsqlBatch(connection, tx);
        var ensure = new NpgsqlBatchCommand(
            "insert into line_side_levels (location, level) select * from unnest(@locations, @levels) on conflict do nothing");
        ensure.Parameters.AddWithValue("locations", ids);
        ensure.Parameters.Add(new NpgsqlParameter("levels", NpgsqlDbType.Array | NpgsqlDbType.Json)
        {
            Value = locations.Select(l => LineSideLevelJson.Serialize(new LineSideLevel { Location = l.Id, Quantity = l.Max })).ToArray(),
        });
        batch.BatchCommands.Add(ensure);
        var select = new NpgsqlBatchCommand("select level, version from line_side_levels where location = any(@locations)");
        select.Parameters.AddWithValue("locations", ids);
        batch.BatchCommands.Add(select);
        var rows = new Dictionary<string, VersionedLevel>(StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var level = LineSideLevelJson.Deserialize(reader.GetString(0));
            rows[level.Location] = new VersionedLevel(level, reader.GetInt64(1));
        }

        return rows;
    }

    /// <summary>Writes every row whose stored version is still <see cref="VersionedLevel.Version"/>; returns the locations written (at version + 1).</summary>
    public static async Task<HashSet<string>> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx,
        IReadOnlyCollection<VersionedLevel> rows, CancellationToken ct)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        if (rows.Count == 0)
            return written;
        await using var command = new NpgsqlCommand("""
            update line_side_levels as l set level = u.level, version = l.version + 1, updated_at = now()
            from unnest(@locations, @levels, @versions) as u(location, level, version)
            where l.location = u.location and l.version = u.version
            returning l.location
            """, connection, tx);
        command.Parameters.AddWithValue("locations", rows.Select(r => PostgresText.Storable(r.Level.Location)).ToArray());
        command.Parameters.Add(new NpgsqlParameter("levels", NpgsqlDbType.Array | NpgsqlDbType.Json)
        {
            Value = rows.Select(r => PostgresText.Storable(LineSideLevelJson.Serialize(r.Level with { RecentMessageIds = [] }))).ToArray(),
        });
        command.Parameters.AddWithValue("versions", rows.Select(r => r.Version).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            written.Add(reader.GetString(0));
        return written;
    }
}
