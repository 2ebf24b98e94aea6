using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using MassTransit.Saga;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// MassTransit's entry into the PostgreSQL saga repository, resolved per message scope. Joins the transaction the
/// outbox opened in the same scope; with no outbox it runs its own transaction around the saga's work.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    PostgresUnitOfWork unitOfWork,
    ISagaConsumeContextFactory<PostgresUnitOfWork, TSaga> factory,
    PostgresSagaStore<TSaga> store)
    : ISagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(context.CancellationToken, () => next.Send(new PostgresSagaRepositoryContext<TSaga, T>(unitOfWork, context, factory, store)));

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(context.CancellationToken, async () =>
        {
            // No index can serve an arbitrary expression over jsonb: scan and filter. Correlate by id where volume matters.
            var connection = await unitOfWork.GetConnectionAsync(context.CancellationToken).ConfigureAwait(false);
            var all = await store.LoadAllAsync(connection, unitOfWork.Transaction, context.CancellationToken).ConfigureAwait(false);
            var predicate = query.GetFilter();
            var matches = all.Where(predicate).Select(s => s.CorrelationId).ToList();
            await next.Send(new PostgresSagaRepositoryQueryContext<TSaga, T>(unitOfWork, context, factory, store, matches)).ConfigureAwait(false);
        });

    public async Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken)
        where T : class
    {
        return await asyncMethod(new PostgresLoadSagaRepositoryContext<TSaga>(unitOfWork, store, cancellationToken)).ConfigureAwait(false);
    }

    public void Probe(ProbeContext context)
    {
        context.Add("persistence", "postgresql");
        context.Add("table", PostgresSagaStore<TSaga>.TableName);
    }

    async Task InTransaction(CancellationToken ct, Func<Task> work)
    {
        if (unitOfWork.Transaction is not null)
        {
            await work().ConfigureAwait(false);
            return;
        }

        await unitOfWork.BeginAsync(ct).ConfigureAwait(false);
        try
        {
            await work().ConfigureAwait(false);
            await unitOfWork.CommitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await unitOfWork.RollbackAsync().ConfigureAwait(false);
            throw;
        }
    }
}
