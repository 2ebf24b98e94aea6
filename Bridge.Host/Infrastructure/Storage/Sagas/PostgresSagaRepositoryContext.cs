using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// One message's view of a saga table. Existing saga: <c>Load</c>, the event, then <c>Update</c> or <c>Delete</c>;
/// new saga: <c>Add</c> then <c>Save</c> (or <c>Discard</c>). Statements run in the unit of work's transaction.
/// </summary>
public class PostgresSagaRepositoryContext<TSaga, TMessage>(
    PostgresUnitOfWork unitOfWork,
    ConsumeContext<TMessage> context,
    ISagaConsumeContextFactory<PostgresUnitOfWork, TSaga> factory,
    PostgresSagaStore<TSaga> store)
    : ConsumeContextScope<TMessage>(context), SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    readonly ConsumeContext<TMessage> _context = context;

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(unitOfWork, _context, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        // A row read ahead is from before this insert; should the insert find the instance there, it is loaded afresh.
        _ = unitOfWork.TakeLoadedAhead(PostgresSagaStore<TSaga>.TableName, instance.CorrelationId);
        var connection = await unitOfWork.GetConnectionAsync(CancellationToken).ConfigureAwait(false);
        if (!await store.TryInsertAsync(connection, unitOfWork.Transaction, instance, CancellationToken).ConfigureAwait(false))
            return null!; // MassTransit's contract: null means "already there", the caller then loads it
        return await factory.CreateSagaConsumeContext(unitOfWork, _context, instance, SagaConsumeContextMode.Insert).ConfigureAwait(false);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = unitOfWork.TakeLoadedAhead(PostgresSagaStore<TSaga>.TableName, correlationId) is { } row
            ? PostgresSagaStore<TSaga>.Materialize(row)
            : await LoadNow(correlationId).ConfigureAwait(false);
        if (instance is null)
            return null!; // MassTransit's contract: null means "no such saga", the caller then runs the missing-instance pipe
        return await factory.CreateSagaConsumeContext(unitOfWork, _context, instance, SagaConsumeContextMode.Load).ConfigureAwait(false);
    }

    async Task<TSaga?> LoadNow(Guid correlationId)
    {
        var connection = await unitOfWork.GetConnectionAsync(CancellationToken).ConfigureAwait(false);
        return await store.LoadAsync(connection, unitOfWork.Transaction, correlationId, CancellationToken, forUpdate: PostgresSagaStore<TSaga>.LoadsForUpdate).ConfigureAwait(false);
    }

    // Written with the commit (PostgresUnitOfWork.Defer): nothing in this transaction reads the row again after the event.
    public Task Save(SagaConsumeContext<TSaga> context) => Write(context, store.InsertLater, store.InsertAsync);

    public Task Update(SagaConsumeContext<TSaga> context) => Write(context, store.UpdateLater, store.UpdateAsync);

    public Task Delete(SagaConsumeContext<TSaga> context) => Write(context, store.DeleteLater, store.DeleteAsync);

    async Task Write(SagaConsumeContext<TSaga> context, Func<TSaga, DeferredWrite> later,
        Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction?, TSaga, CancellationToken, Task> now)
    {
        if (unitOfWork.Transaction is not null)
        {
            unitOfWork.Defer(later(context.Saga));
            return;
        }

        var connection = await unitOfWork.GetConnectionAsync(CancellationToken).ConfigureAwait(false);
        await now(connection, null, context.Saga, CancellationToken).ConfigureAwait(false);
    }

    // Nothing was written for a discarded or undone instance; the transaction rollback covers the rest.
    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(unitOfWork, consumeContext, instance, mode);
}
