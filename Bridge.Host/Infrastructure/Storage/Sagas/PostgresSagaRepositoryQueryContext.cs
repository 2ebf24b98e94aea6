using System.Collections;
using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using MassTransit.Saga;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>A repository context that also carries the ids a correlation query matched.</summary>
public sealed class PostgresSagaRepositoryQueryContext<TSaga, TMessage>(
    PostgresUnitOfWork unitOfWork,
    ConsumeContext<TMessage> context,
    ISagaConsumeContextFactory<PostgresUnitOfWork, TSaga> factory,
    PostgresSagaStore<TSaga> store,
    IReadOnlyList<Guid> matches)
    : PostgresSagaRepositoryContext<TSaga, TMessage>(unitOfWork, context, factory, store), SagaRepositoryQueryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    public int Count => matches.Count;

    public IEnumerator<Guid> GetEnumerator() => matches.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
