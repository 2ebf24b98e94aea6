using Bridge.Host.Infrastructure.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Bridge.Host.Domain.LineSide;

/// <summary>
/// Levels in PostgreSQL, one row per location, changed under a row lock inside the consumed signal's transaction: the
/// level, the inbox mark and any saga event the signal raised commit together. The row keeps no message ids
/// (<see cref="LineSideLevel.RecentMessageIds"/>): here the inbox of the signal's transaction is what makes a signal count
/// once, and without them a row stays small enough (≈ 1.5 kB) to be updated in place rather than moved out of line.
/// </summary>
public sealed class PostgresLineSideLevels(PostgresSession session) : ILineSideLevels
{
    public Task<LevelChange> ApplyAsync(LineSideLocation location, LineSideSignal signal, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using (var ensure = new NpgsqlCommand(
                "insert into line_side_levels (location, level) values (@location, @level) on conflict do nothing", connection, tx))
            {
                ensure.Parameters.AddWithValue("location", PostgresText.Storable(location.Id));
                ensure.Parameters.Add(new NpgsqlParameter("level", NpgsqlDbType.Json)
                {
                    Value = LineSideLevelJson.Serialize(new LineSideLevel { Location = location.Id, Quantity = location.Max }),
                });
                await ensure.ExecuteNonQueryAsync(ct);
            }

            LineSideLevel current;
            await using (var select = new NpgsqlCommand("select level from line_side_levels where location = @location for update", connection, tx))
            {
                select.Parameters.AddWithValue("location", PostgresText.Storable(location.Id));
                current = LineSideLevelJson.Deserialize((string)(await select.ExecuteScalarAsync(ct))!);
            }

            var change = LineSideLevelRules.Apply(current, location, signal);
            if (change.Kind != LevelChangeKind.Applied)
                return change;
            await using var update = new NpgsqlCommand(
                "update line_side_levels set level = @level, version = version + 1, updated_at = now() where location = @location", connection, tx);
            update.Parameters.AddWithValue("location", PostgresText.Storable(location.Id));
            update.Parameters.Add(new NpgsqlParameter("level", NpgsqlDbType.Json) { Value = Stored(change.Level) });
            await update.ExecuteNonQueryAsync(ct);
            return change;
        }, ct);

    private static string Stored(LineSideLevel level) =>
        PostgresText.Storable(LineSideLevelJson.Serialize(level with { RecentMessageIds = [] }));

    public Task<LineSideLevel?> FindAsync(string location, CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand("select level from line_side_levels where location = @location", connection, tx);
            command.Parameters.AddWithValue("location", PostgresText.Storable(location));
            return await command.ExecuteScalarAsync(ct) is string json ? LineSideLevelJson.Deserialize(json) : null;
        }, ct);

    public Task<IReadOnlyList<LineSideLevel>> ListAsync(CancellationToken ct) =>
        session.InTransactionAsync(async (connection, tx) =>
        {
            await using var command = new NpgsqlCommand("select level from line_side_levels order by location", connection, tx);
            var list = new List<LineSideLevel>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                list.Add(LineSideLevelJson.Deserialize(reader.GetString(0)));
            IReadOnlyList<LineSideLevel> levels = list;
            return levels;
        }, ct);
}
