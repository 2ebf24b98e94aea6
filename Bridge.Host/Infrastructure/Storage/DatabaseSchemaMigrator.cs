using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// Creates or upgrades every table: runs each registered <see cref="IDatabaseSchemaScript"/> whose text is new or changed,
/// under a PostgreSQL advisory lock so several hosts starting together do not race, and records it in
/// <c>bridge_schema_version</c>.
/// </summary>
public sealed class DatabaseSchemaMigrator(NpgsqlDataSource dataSource, IEnumerable<IDatabaseSchemaScript> scripts, TimeProvider time,
    ILogger<DatabaseSchemaMigrator> logger)
{
    const long AdvisoryLockKey = 0x42524944_4745L; // "BRIDGE"

    const string VersionTableSql = """
        CREATE TABLE IF NOT EXISTS bridge_schema_version (
            name text PRIMARY KEY,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL)
        """;

    /// <returns>The names of the scripts that ran (empty when the schema was already current).</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        var ordered = scripts.OrderBy(s => s.Order).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var duplicate = ordered.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two database schema scripts are named '{duplicate.Key}'; script names must be unique.");

        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct).ConfigureAwait(false);
        await Execute(connection, transaction, VersionTableSql, ct).ConfigureAwait(false);

        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand("SELECT name, checksum FROM bridge_schema_version", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                applied[reader.GetString(0)] = reader.GetString(1);
        }

        var ran = new List<string>();
        foreach (var script in ordered)
        {
            var checksum = Checksum(script.Sql);
            if (applied.TryGetValue(script.Name, out var existing) && existing == checksum)
                continue;
            try
            {
                await Execute(connection, transaction, script.Sql, ct).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"Database schema script '{script.Name}' failed: {e.MessageText} (SQLSTATE {e.SqlState}).", e);
            }

            await using var record = new NpgsqlCommand("""
                INSERT INTO bridge_schema_version (name, checksum, applied_at) VALUES (@name, @checksum, @at)
                ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, applied_at = excluded.applied_at
                """, connection, transaction);
            record.Parameters.AddWithValue("name", script.Name);
            record.Parameters.AddWithValue("checksum", checksum);
            record.Parameters.AddWithValue("at", time.GetUtcNow());
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            Log.SchemaScriptApplied(logger, script.Name, script.Order);
            ran.Add(script.Name);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        Log.SchemaCurrent(logger, ordered.Count, ran.Count);
        return ran;
    }

    static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    static string Checksum(string sql) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
}
