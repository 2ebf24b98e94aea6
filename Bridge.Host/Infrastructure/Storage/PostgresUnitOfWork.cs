using System.Data;
using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// The connection and transaction shared, within one DI scope (one consumed message), by the outbox/inbox and the saga
/// repository, so saga state, outgoing messages and the inbox mark commit together.
/// </summary>
public sealed class PostgresUnitOfWork(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    NpgsqlConnection? _connection;

    public NpgsqlTransaction? Transaction { get; private set; }

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

    public async Task CommitAsync(CancellationToken ct)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No transaction is active on this unit of work.");
        Transaction = null;
        await using (transaction.ConfigureAwait(false))
            await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    public async Task RollbackAsync()
    {
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
