using System.Diagnostics.Metrics;
using Npgsql;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// What the host asks of PostgreSQL: commands (round trips) from Npgsql's own meter in this process, committed and
/// rolled-back transactions from <c>pg_stat_database</c>, WAL written from <c>pg_stat_wal</c>, and per statement its calls,
/// execution and planning time, rows and buffers from <c>pg_stat_statements</c> when bench/material.sh preloaded it
/// (otherwise the statements are not printed; planning time only with <c>pg_stat_statements.track_planning</c>).
/// Pooled connection resets show there as <c>DISCARD ALL</c>.
/// </summary>
internal sealed class DatabaseCount : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _commands;

    public DatabaseCount()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is "db.client.operation.duration" or "db.client.commands.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _commands));
        _listener.Start();
    }

    public long Commands => Interlocked.Read(ref _commands);

    public static async Task<Snapshot> ReadServerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        long commits, rollbacks;
        await using (var command = new NpgsqlCommand("select xact_commit, xact_rollback from pg_stat_database where datname = current_database()", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            commits = reader.GetInt64(0);
            rollbacks = reader.GetInt64(1);
        }

        long walBytes;
        await using (var command = new NpgsqlCommand("select wal_bytes::bigint from pg_stat_wal", connection))
        {
            walBytes = (long)(await command.ExecuteScalarAsync() ?? 0L);
        }

        var statements = new Dictionary<string, StatementCost>(StringComparer.Ordinal);
        try
        {
            await using var command = new NpgsqlCommand(
                "select query, sum(calls)::bigint, sum(total_exec_time), sum(total_plan_time), sum(rows)::bigint, sum(shared_blks_hit + shared_blks_read)::bigint "
                + "from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) group by query", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                statements[reader.GetString(0)] = new StatementCost(reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4), reader.GetInt64(5));
            }
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.ObjectNotInPrerequisiteState)
        {
        }

        return new Snapshot(commits, rollbacks, walBytes, statements);
    }

    public void Dispose() => _listener.Dispose();

    public sealed record Snapshot(long Commits, long Rollbacks, long WalBytes, Dictionary<string, StatementCost> Statements);

    /// <summary>One statement's totals in <c>pg_stat_statements</c>; the difference of two readings is a phase's.</summary>
    public readonly record struct StatementCost(long Calls, double ExecMs, double PlanMs, long Rows, long Blocks)
    {
        public double Ms => ExecMs + PlanMs;

        public static StatementCost operator -(StatementCost after, StatementCost before) => new(
            after.Calls - before.Calls, after.ExecMs - before.ExecMs, after.PlanMs - before.PlanMs, after.Rows - before.Rows, after.Blocks - before.Blocks);
    }
}
