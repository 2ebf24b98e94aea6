using System.Data;
using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// The connection and transaction shared, within one DI scope (one consumed message), by the outbox/inbox and the saga
/// repository, so saga state, outgoing messages and the inbox mark commit together.
/// </summary>
/// <remarks>
/// Writes nobody reads again before the commit (the saga's new state, the stored sends, the inbox mark) are
/// <see cref="Defer">deferred</see> and sent with <c>COMMIT</c> in one round trip: PostgreSQL's CPU here follows round
/// trips, and a consume used to make one for the saga, one for the outbox rows and the inbox mark, and one for the commit.
/// A deferred write that must change a row (a versioned saga update) fails in SQL (<see cref="DeferredWrite.Check"/>), so
/// the commit after it in the batch never runs, and the failure is reported as the write's own exception.
/// </remarks>
public sealed class PostgresUnitOfWork(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    NpgsqlConnection? _connection;

    readonly List<DeferredWrite> _deferred = [];

    SagaRowLoadedAhead? _loadedAhead;

    public NpgsqlTransaction? Transaction { get; private set; }

    /// <summary>Writes waiting for the commit.</summary>
    public int DeferredCount => _deferred.Count;

    public async Task<NpgsqlConnection> GetConnectionAsync(CancellationToken ct)
    {
        _connection ??= await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return _connection;
    }

    public async Task<NpgsqlTransaction> BeginAsync(CancellationToken ct)
    {
        if (Transaction is not null)
            throw new InvalidOperationException("A transaction is already active on this unit of work.");
        var connection = await GetConnectionAsync(ct).ConfigureAwait(false);
        Transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        return Transaction;
    }

    /// <summary>Keeps a saga row read with the inbox lock until the repository loads it, in this transaction only.</summary>
    public void KeepLoadedAhead(SagaRowLoadedAhead row)
    {
        if (Transaction is null)
            throw new InvalidOperationException("No transaction is active on this unit of work.");
        _loadedAhead = row;
    }

    /// <summary>
    /// The row read ahead for saga <paramref name="id"/> of <paramref name="table"/>, once: a second load of the same
    /// instance in the transaction (after an insert found it there) reads it again.
    /// </summary>
    public SagaRowLoadedAhead? TakeLoadedAhead(string table, Guid id)
    {
        var row = _loadedAhead;
        _loadedAhead = null;
        return row is not null && row.Id == id && string.Equals(row.Table, table, StringComparison.Ordinal) ? row : null;
    }

    /// <summary>Sends <paramref name="write"/> with the commit.</summary>
    public void Defer(DeferredWrite write)
    {
        if (Transaction is null)
            throw new InvalidOperationException("No transaction is active on this unit of work.");
        _deferred.Add(write);
    }

    /// <summary>
    /// The deferred write whose check failed, as its own exception (e.g. a saga's <c>ConcurrencyException</c>); null when
    /// <paramref name="error"/> came from another statement.
    /// </summary>
    Exception? Explain(PostgresException error)
    {
        foreach (var write in _deferred)
        {
            if (write.Check?.Explain(error) is { } explained)
                return explained;
        }

        return null;
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No transaction is active on this unit of work.");
        Transaction = null;
        _loadedAhead = null;
        await using (transaction.ConfigureAwait(false))
        {
            if (_deferred.Count == 0)
            {
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return;
            }

            // The writes and COMMIT in one round trip. A failing statement makes PostgreSQL skip the rest of the batch,
            // COMMIT included; disposing the transaction then rolls it back (a transaction COMMIT ended is not rolled back).
            await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
            foreach (var write in _deferred)
                batch.BatchCommands.Add(write.Command);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            try
            {
                await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException error) when (Explain(error) is { } explained)
            {
                throw explained;
            }
            finally
            {
                ParameterValues.Release(batch);
                _deferred.Clear();
            }
        }
    }

    /// <summary>
    /// Commits as <see cref="CommitAsync"/> does and, in the same round trip, begins the next transaction and runs
    /// <paramref name="next"/> in it; <paramref name="read"/> reads their results (after any the writes returned). The new
    /// transaction stays open on this unit of work, on the same <see cref="NpgsqlTransaction"/>: to Npgsql it is one
    /// transaction, to PostgreSQL two — what the first committed is kept if anything after <c>COMMIT</c> fails.
    /// </summary>
    public async Task<T> CommitAndBeginAsync<T>(IReadOnlyList<NpgsqlBatchCommand> next, Func<NpgsqlDataReader, CancellationToken, Task<T>> read,
        CancellationToken ct)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No transaction is active on this unit of work.");
        Transaction = null;
        _loadedAhead = null;
        var kept = false;
        try
        {
            await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
            foreach (var write in _deferred)
                batch.BatchCommands.Add(write.Command);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL READ COMMITTED"));
            foreach (var command in next)
                batch.BatchCommands.Add(command);
            try
            {
                T result;
                await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
                    result = await read(reader, ct).ConfigureAwait(false);
                Transaction = transaction;
                kept = true;
                return result;
            }
            catch (PostgresException error) when (Explain(error) is { } explained)
            {
                throw explained;
            }
            finally
            {
                ParameterValues.Release(batch);
                _deferred.Clear();
            }
        }
        finally
        {
            // Either transaction failed: disposing rolls back whichever is open.
            if (!kept)
                await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task RollbackAsync()
    {
        _deferred.Clear();
        _loadedAhead = null;
        var transaction = Transaction;
        if (transaction is null)
            return;
        Transaction = null;
        await using (transaction.ConfigureAwait(false))
        {
            if (transaction.Connection is not null)
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public NpgsqlCommand CreateCommand(NpgsqlConnection connection, string sql) => new(sql, connection, Transaction);

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync().ConfigureAwait(false);
        if (_connection is not null)
            await _connection.DisposeAsync().ConfigureAwait(false);
        _connection = null;
    }
}
