using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// The host's PostgreSQL work by source, while <see cref="Recording"/>: Npgsql's own debug log (the host's data source
/// is given this logger factory) says each command or batch it executes and on which connector, and when a transaction
/// starts, commits or rolls back; each is put down to the <see cref="WorkContext"/> it ran in (the log is written on
/// the caller's flow, before the command is sent) and to the components its statements touch
/// (<see cref="StatementComponent"/>). A round trip is a command or batch, or a commit or rollback Npgsql sends itself;
/// a transaction is one begun (counted at its first command) or a command outside one (it commits on its own); a batch
/// ending in <c>COMMIT</c> ends its transaction. Hangfire's storage has its own connections and is not in it.
/// </summary>
internal sealed class DatabaseLedger : ILoggerFactory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Context, string Shape), Entry> _entries = [];
    // Per connector, the transaction begun on it: whether a command has carried its BEGIN, and the source of that command.
    private readonly Dictionary<int, (bool Sent, string? Context)> _transactionStarted = [];
    private volatile bool _recording;

    public bool Recording
    {
        get => _recording;
        set => _recording = value;
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName is "Npgsql.Command" or "Npgsql.Transaction" ? new CommandLog(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IReadOnlyDictionary<(string Context, string Shape), Entry> Snapshot()
    {
        lock (_gate)
        {
            return _entries.ToDictionary(e => e.Key, e => e.Value);
        }
    }

    /// <summary>The ledger as lines: by source, then each source's round trips by what they touch, per request.</summary>
    public IEnumerable<string> Report(int requests, long meterCommands)
    {
        var entries = Snapshot();
        var total = entries.Values.Aggregate(default(Entry), (a, b) => a + b);
        yield return Invariant($"      {"source",-72} {"tx",6} {"trips",6} {"stmts",6}");
        foreach (var source in entries.GroupBy(e => e.Key.Context).OrderByDescending(g => g.Sum(e => e.Value.RoundTrips)))
        {
            var sum = source.Aggregate(default(Entry), (a, e) => a + e.Value);
            yield return Invariant($"      {Cut(source.Key, 72),-72} {sum.Transactions / (double)requests,6:0.00} {sum.RoundTrips / (double)requests,6:0.00} {sum.Statements / (double)requests,6:0.00}");
            foreach (var (key, entry) in source.OrderByDescending(e => e.Value.RoundTrips))
            {
                yield return Invariant($"        {Cut(key.Shape, 70),-70} {entry.Transactions / (double)requests,6:0.00} {entry.RoundTrips / (double)requests,6:0.00} {entry.Statements / (double)requests,6:0.00}");
            }
        }

        yield return Invariant($"      {"total",-72} {total.Transactions / (double)requests,6:0.00} {total.RoundTrips / (double)requests,6:0.00} {total.Statements / (double)requests,6:0.00}");
        yield return Invariant($"      (Npgsql's meter over the same round: {meterCommands / (double)requests:0.00} commands per request; it does not count the commits and rollbacks Npgsql sends itself)");
    }

    private void Command(int connector, IReadOnlyList<string> statements)
    {
        var context = WorkContext.Current();
        var components = statements.Select(StatementComponent.Of).Distinct(StringComparer.Ordinal).ToList();
        var shape = string.Join(" + ", components);
        var endsTransaction = components.Contains("COMMIT");
        // A commit that begins the next transaction in its own round trip (PostgresUnitOfWork.CommitAndBeginAsync).
        var beginsNext = endsTransaction && components.IndexOf("BEGIN") > components.IndexOf("COMMIT");
        lock (_gate)
        {
            // A command with no transaction begun commits on its own; the first command of a begun one carries its BEGIN.
            var opens = !_transactionStarted.TryGetValue(connector, out var begun) || !begun.Sent;
            if (beginsNext)
            {
                _transactionStarted[connector] = (true, context);
            }
            else if (endsTransaction || !_transactionStarted.ContainsKey(connector))
            {
                _transactionStarted.Remove(connector);
            }
            else if (!begun.Sent)
            {
                _transactionStarted[connector] = (true, context);
            }

            Add(context, shape, new Entry((opens ? 1 : 0) + (beginsNext ? 1 : 0), 1, statements.Count));
        }
    }

    private void Transaction(int connector, string eventName)
    {
        lock (_gate)
        {
            if (eventName == "StartedTransaction")
            {
                _transactionStarted[connector] = (false, null);
                return;
            }

            // A commit or rollback of a transaction that sent something is a round trip of its own, put down to the source
            // of the transaction's first command (Npgsql may say it from a continuation with no Bridge frame on the stack).
            if (_transactionStarted.Remove(connector, out var begun) && begun.Sent)
            {
                Add(begun.Context ?? WorkContext.Current(), eventName == "CommittedTransaction" ? "commit (Npgsql's)" : "rollback (Npgsql's)", new Entry(0, 1, 1));
            }
        }
    }

    private void Add(string context, string shape, Entry entry)
    {
        _entries[(context, shape)] = _entries.GetValueOrDefault((context, shape)) + entry;
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public readonly record struct Entry(long Transactions, long RoundTrips, long Statements)
    {
        public static Entry operator +(Entry a, Entry b) => new(a.Transactions + b.Transactions, a.RoundTrips + b.RoundTrips, a.Statements + b.Statements);
    }

    /// <summary>Reads Npgsql's debug events: commands and batches executed, transactions started and ended.</summary>
    private sealed class CommandLog(DatabaseLedger ledger) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Npgsql writes a command's debug event only when information is on as well (then it also times the command).
        public bool IsEnabled(LogLevel logLevel) => logLevel is LogLevel.Debug or LogLevel.Information && ledger.Recording;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel != LogLevel.Debug || !ledger.Recording || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                return;
            }

            int? connector = null;
            List<string>? statements = null;
            foreach (var (key, value) in values)
            {
                switch (key)
                {
                    case "ConnectorId" when value is int id:
                        connector = id;
                        break;
                    case "CommandText" when value is string text:
                        statements = [text];
                        break;
                    case "BatchCommands" when value is string[] texts:
                        statements = [.. texts];
                        break;
                    case "BatchCommands" when value is (string CommandText, IEnumerable<object> Parameters)[] withParameters:
                        statements = [.. withParameters.Select(c => c.CommandText)];
                        break;
                }
            }

            if (connector is not { } id2)
            {
                return;
            }

            var name = eventId.Name ?? "";
            if (name is "StartedTransaction" or "CommittedTransaction" or "RolledBackTransaction")
            {
                ledger.Transaction(id2, name);
            }
            else if (statements is not null && name.StartsWith("Executing", StringComparison.Ordinal) && name != "ExecutingInternalCommand")
            {
                ledger.Command(id2, statements);
            }
        }
    }
}
