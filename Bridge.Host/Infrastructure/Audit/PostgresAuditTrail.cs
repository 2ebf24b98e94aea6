using System.Collections.Concurrent;
using System.Globalization;
using Bridge.Host.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Infrastructure.Audit;

/// <summary>
/// The audit log in PostgreSQL. Appends to one day are serialised by an advisory lock (any number of hosts keep one
/// chain per day); the first append of a day makes its partition and drops the partitions past retention.
/// Appends are group-committed: while one transaction is being written, the appends that arrive wait and go together
/// in the next one (one lock, one read of the chain's end, one round trip of rows). One transaction per entry made
/// every inbound and outbound message queue behind the day's lock (the material benchmark measured 300 ms mean lock
/// waits at six requests a second). One call's entries (an inbound document's rows, 20,000 for a big stock export)
/// stay together: all or none, in order, with nothing of another writer between them. Each caller returns only once
/// its rows are committed.
/// </summary>
public sealed class PostgresAuditTrail(NpgsqlDataSource dataSource, IOptions<AuditOptions> options) : IAuditTrail
{
    private const int LockSpace = 727001;
    private const int BatchRows = 500;
    private const string Columns = "day, seq, at, direction, system, adapter, message_type, message_id, correlation_id, size, result, reason, duration_ms, previous_hash, hash";
    private readonly ConcurrentDictionary<DateOnly, bool> _partitions = new();
    private readonly Lock _gate = new();
    private readonly List<PendingAppend> _waiting = [];
    private bool _writing;
    private long _batches;

    /// <summary>Transactions written so far (tests check that concurrent appends share them).</summary>
    internal long Batches => Interlocked.Read(ref _batches);

    public Task AppendAsync(AuditEntry entry, CancellationToken ct) => AppendAllAsync([entry], ct);

    public Task AppendAllAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new PendingAppend(entries);
        bool lead;
        lock (_gate)
        {
            _waiting.Add(pending);
            lead = !_writing;
            _writing = true;
        }

        if (lead)
        {
            _ = Task.Run(WriteWaitingAsync, CancellationToken.None);
        }

        // A caller that gives up stops waiting; its rows may still be written with the batch they joined.
        return pending.Written.Task.WaitAsync(ct);
    }

    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            List<PendingAppend> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                var taken = 1;
                var rows = _waiting[0].Entries.Count;
                while (taken < _waiting.Count && rows + _waiting[taken].Entries.Count <= BatchRows)
                {
                    rows += _waiting[taken].Entries.Count;
                    taken++;
                }

                batch = _waiting.GetRange(0, taken);
                _waiting.RemoveRange(0, taken);
            }

            if (!await TryWriteAsync(batch) && batch.Count > 1)
            {
                // One append the database refuses must not cost the others their rows: each alone, with its own outcome.
                foreach (var append in batch)
                {
                    await TryWriteAsync([append]);
                }
            }
        }
    }

    private async Task<bool> TryWriteAsync(IReadOnlyList<PendingAppend> appends)
    {
        try
        {
            await WriteAsync(appends);
            Interlocked.Increment(ref _batches);
            foreach (var append in appends)
            {
                append.Written.TrySetResult();
            }

            return true;
        }
        catch (Exception) when (appends.Count > 1)
        {
            return false;
        }
        catch (Exception e)
        {
            appends[0].Written.TrySetException(e);
            return false;
        }
    }

    private async Task WriteAsync(IReadOnlyList<PendingAppend> appends)
    {
        var ct = CancellationToken.None;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var made = new List<DateOnly>();
        // Days in ascending order: writers across midnight take the day locks in one order. Within a day the entries keep
        // the order of the appends and of each append's entries.
        foreach (var group in appends.SelectMany(a => a.Entries).GroupBy(e => DateOnly.FromDateTime(e.At.UtcDateTime)).OrderBy(g => g.Key))
        {
            var day = group.Key;
            long sequence;
            string previous;
            if (_partitions.ContainsKey(day))
            {
                // The day lock and the chain's head read under it, in one round trip.
                (sequence, previous) = await ChainHeadAsync(connection, transaction, day, locking: true, ct);
            }
            else
            {
                await using (var lockCommand = new NpgsqlCommand(LockSql, connection, transaction))
                {
                    AddLockParameters(lockCommand.Parameters, day);
                    await lockCommand.ExecuteNonQueryAsync(ct);
                }

                await EnsurePartitionAsync(connection, transaction, day, ct);
                made.Add(day);
                (sequence, previous) = await ChainHeadAsync(connection, transaction, day, locking: false, ct);
            }

            await using var import = await connection.BeginBinaryImportAsync($"copy audit_log ({Columns}) from stdin (format binary)", ct);
            foreach (var entry in group)
            {
                var stored = Stored(entry);
                var hash = AuditChain.Hash(day, ++sequence, stored, previous);
                await import.StartRowAsync(ct);
                await import.WriteAsync(day, NpgsqlTypes.NpgsqlDbType.Date, ct);
                await import.WriteAsync(sequence, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
                await import.WriteAsync(stored.At, NpgsqlTypes.NpgsqlDbType.TimestampTz, ct);
                await import.WriteAsync(stored.Direction, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await import.WriteAsync(stored.System, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await import.WriteAsync(stored.Adapter, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await import.WriteAsync(stored.MessageType, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await WriteNullableAsync(import, stored.MessageId, ct);
                await WriteNullableAsync(import, stored.CorrelationId, ct);
                await import.WriteAsync(stored.Size, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
                await import.WriteAsync(stored.Result, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await WriteNullableAsync(import, stored.Reason, ct);
                await import.WriteAsync(stored.DurationMs, NpgsqlTypes.NpgsqlDbType.Double, ct);
                await import.WriteAsync(previous, NpgsqlTypes.NpgsqlDbType.Text, ct);
                await import.WriteAsync(hash, NpgsqlTypes.NpgsqlDbType.Text, ct);
                previous = hash;
            }

            await import.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        foreach (var day in made)
        {
            _partitions[day] = true;
        }
    }

    private const string LockSql = "select pg_advisory_xact_lock(@space, @day)";

    private static void AddLockParameters(NpgsqlParameterCollection parameters, DateOnly day)
    {
        parameters.AddWithValue("space", LockSpace);
        parameters.AddWithValue("day", day.DayNumber);
    }

    /// <param name="locking">Take the day's lock first, in the same round trip.</param>
    private static async Task<(long Sequence, string Hash)> ChainHeadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly day, bool locking, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (locking)
        {
            var lockCommand = new NpgsqlBatchCommand(LockSql);
            AddLockParameters(lockCommand.Parameters, day);
            batch.BatchCommands.Add(lockCommand);
        }

        var last = new NpgsqlBatchCommand("select seq, hash from audit_log where day = @day order by seq desc limit 1");
        last.Parameters.AddWithValue("day", day);
        batch.BatchCommands.Add(last);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (locking)
        {
            await reader.NextResultAsync(ct);
        }

        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.Genesis);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value, CancellationToken ct) =>
        value is null ? import.WriteNullAsync(ct) : import.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Text, ct);

    private static AuditEntry Stored(AuditEntry entry) => entry with
    {
        System = PostgresText.Storable(entry.System),
        Adapter = PostgresText.Storable(entry.Adapter),
        MessageType = PostgresText.Storable(entry.MessageType),
        MessageId = entry.MessageId is null ? null : PostgresText.Storable(entry.MessageId),
        CorrelationId = entry.CorrelationId is null ? null : PostgresText.Storable(entry.CorrelationId),
        Reason = entry.Reason is null ? null : PostgresText.Storable(entry.Reason),
        // Microsecond precision, as PostgreSQL keeps it: the hash is over what is stored.
        At = new DateTimeOffset(entry.At.UtcTicks / 10 * 10, TimeSpan.Zero),
    };

    private sealed class PendingAppend(IReadOnlyList<AuditEntry> entries)
    {
        public IReadOnlyList<AuditEntry> Entries { get; } = entries;

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<IReadOnlyList<AuditRow>> FindByCorrelationAsync(string correlationId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from audit_log where correlation_id = @id order by at, day, seq");
        command.Parameters.AddWithValue("id", PostgresText.Storable(correlationId));
        return await ReadAsync(command, ct);
    }

    public async Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("select distinct day from audit_log order by day");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var days = new List<DateOnly>();
        while (await reader.ReadAsync(ct))
        {
            days.Add(reader.GetFieldValue<DateOnly>(0));
        }

        return days;
    }

    public async Task<IReadOnlyList<AuditRow>> ReadDayAsync(DateOnly day, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from audit_log where day = @day order by seq");
        command.Parameters.AddWithValue("day", day);
        return await ReadAsync(command, ct);
    }

    public async Task<IReadOnlyList<AuditSystemDay>> SummarizeDayAsync(DateOnly day, DateTimeOffset recentSince, CancellationToken ct)
    {
        // Counted in the database: a day of a busy plant is millions of rows, which no status refresh should load.
        await using var command = dataSource.CreateCommand(
            """
            with counts as (
                select system, count(*) as total,
                       count(*) filter (where direction = 'in') as ins,
                       count(*) filter (where direction = 'out') as outs,
                       count(*) filter (where direction = 'in' and at >= @recent) as recent_ins,
                       count(*) filter (where direction = 'out' and at >= @recent) as recent_outs
                from audit_log where day = @day group by system),
            last_out as (
                select distinct on (system) system, at, adapter, message_type, message_id, correlation_id, size, result, reason, duration_ms
                from audit_log where day = @day and direction = 'out' order by system, seq desc)
            select c.system, c.total, c.ins, c.outs, c.recent_ins, c.recent_outs,
                   l.at, l.adapter, l.message_type, l.message_id, l.correlation_id, l.size, l.result, l.reason, l.duration_ms
            from counts c left join last_out l on l.system = c.system
            order by c.system
            """);
        command.Parameters.AddWithValue("day", day);
        command.Parameters.AddWithValue("recent", recentSince);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var systems = new List<AuditSystemDay>();
        while (await reader.ReadAsync(ct))
        {
            var system = reader.GetString(0);
            var last = reader.IsDBNull(6)
                ? null
                : new AuditEntry(reader.GetFieldValue<DateTimeOffset>(6), "out", system, reader.GetString(7), reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetInt64(11),
                    reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetDouble(14));
            systems.Add(new AuditSystemDay(system, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), last));
        }

        return systems;
    }

    private async Task EnsurePartitionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly day, CancellationToken ct)
    {
        // Partition names and bounds are made from dates only, never from input.
        var sql = $"""
            create table if not exists {Partition(day)} partition of audit_log
                for values from ('{day:yyyy-MM-dd}') to ('{day.AddDays(1):yyyy-MM-dd}');
            """;
        await using (var create = new NpgsqlCommand(sql, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        var cutoff = Partition(day.AddDays(-options.Value.RetentionDays));
        var old = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'audit_log' and c.relname < @cutoff",
            connection, transaction))
        {
            list.Parameters.AddWithValue("cutoff", cutoff);
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                old.Add(reader.GetString(0));
            }
        }

        foreach (var name in old.Where(n => n.StartsWith("audit_log_", StringComparison.Ordinal) && n.Length == "audit_log_".Length + 8 && n["audit_log_".Length..].All(char.IsAsciiDigit)))
        {
            await using var drop = new NpgsqlCommand($"drop table if exists {name}", connection, transaction);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Partition(DateOnly day) => "audit_log_" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<AuditRow>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync(ct))
        {
            var entry = new AuditEntry(
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetInt64(9),
                reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11), reader.GetDouble(12));
            rows.Add(new AuditRow(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), entry, reader.GetString(13), reader.GetString(14)));
        }

        return rows;
    }
}
