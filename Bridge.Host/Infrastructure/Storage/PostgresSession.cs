using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// How a PostgreSQL store reaches the database: inside the scope's <see cref="PostgresUnitOfWork"/> transaction when one
/// is open (a consumed message: then the store's writes commit or roll back with the saga state, the outbox and the
/// inbox mark), otherwise in a transaction of its own.
/// </summary>
public sealed class PostgresSession(NpgsqlDataSource dataSource, PostgresUnitOfWork? unitOfWork = null)
{
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken ct)
    {
        if (unitOfWork?.Transaction is { Connection: { } connection } ambient)
        {
            return await work(connection, ambient).ConfigureAwait(false);
        }

        await using var own = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await own.BeginTransactionAsync(ct).ConfigureAwait(false);
        var result = await work(own, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return result;
    }

    public Task InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken ct) =>
        InTransactionAsync<bool>(async (connection, tx) =>
        {
            await work(connection, tx).ConfigureAwait(false);
            return true;
        }, ct);
}
