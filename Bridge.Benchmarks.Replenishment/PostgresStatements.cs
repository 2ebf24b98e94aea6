using System.Globalization;
using Npgsql;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// What PostgreSQL did for the run's database, per signal: each statement's calls, rows, execution time and WAL
/// (<c>pg_stat_statements</c>, which bench/replenishment.sh preloads), and the WAL the cluster wrote. Without the
/// extension it says so and prints nothing else.
/// </summary>
internal sealed class PostgresStatements
{
    private const int Shown = 12;
    private readonly string _admin;
    private readonly string _database;
    private readonly bool _available;
    private readonly long _walStart;

    private PostgresStatements(string admin, string database, bool available, long walStart)
    {
        _admin = admin;
        _database = database;
        _available = available;
        _walStart = walStart;
    }

    /// <summary>Forgets the statements seen so far (schema, start-up) and notes the WAL position.</summary>
    public static async Task<PostgresStatements> StartAsync(string adminConnectionString, string database)
    {
        await using var source = NpgsqlDataSource.Create(adminConnectionString);
        try
        {
            await using (var create = source.CreateCommand("create extension if not exists pg_stat_statements"))
                await create.ExecuteNonQueryAsync();
            await using (var reset = source.CreateCommand("select pg_stat_statements_reset()"))
                await reset.ExecuteNonQueryAsync();
            return new PostgresStatements(adminConnectionString, database, true, await WalAsync(source));
        }
        catch (PostgresException)
        {
            return new PostgresStatements(adminConnectionString, database, false, 0);
        }
    }

    public async Task PrintAsync(TextWriter output, long signals)
    {
        if (!_available)
        {
            output.WriteLine("statements      pg_stat_statements not loaded (shared_preload_libraries): no per-statement figures");
            return;
        }

        var per = (double)Math.Max(signals, 1);
        await using var source = NpgsqlDataSource.Create(_admin);
        var wal = await WalAsync(source) - _walStart;
        await using var command = source.CreateCommand("""
            select s.calls, s.rows, s.total_exec_time, s.wal_bytes, regexp_replace(left(s.query, 200), '\s+', ' ', 'g')
            from pg_stat_statements s join pg_database d on d.oid = s.dbid
            where d.datname = @database order by s.total_exec_time desc
            """);
        command.Parameters.AddWithValue("database", _database);
        var rows = new List<(long Calls, long Rows, double Ms, decimal Wal, string Query)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDecimal(3), reader.GetString(4)));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"postgres        {rows.Sum(r => r.Calls) / per:0.000} statements, {rows.Sum(r => r.Rows) / per:0.000} rows, "
            + $"{rows.Sum(r => r.Ms) * 1000 / per:0.0} µs executing, {wal / per:0} B of WAL per signal (cluster WAL {wal / 1048576.0:0} MB)"));
        foreach (var (calls, count, ms, walBytes, query) in rows.Take(Shown))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {calls / per,7:0.0000} calls {count / per,7:0.000} rows {ms * 1000 / per,6:0.0} µs {(double)walBytes / per,6:0} B WAL  {query[..Math.Min(query.Length, 110)]}"));
        }
    }

    /// <summary>The cluster's checkpoints so far (timed and requested) and the time they spent writing, in ms.</summary>
    public static async Task<(long Count, double WriteMs)> CheckpointsAsync(string adminConnectionString)
    {
        await using var source = NpgsqlDataSource.Create(adminConnectionString);
        await using var command = source.CreateCommand("select checkpoints_timed + checkpoints_req, checkpoint_write_time from pg_stat_bgwriter");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetDouble(1));
    }

    private static async Task<long> WalAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand("select (pg_current_wal_lsn() - '0/0')::bigint");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
