using MassTransit;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// Reads through MassTransit's <see cref="ILoadSagaRepository{TSaga}"/>, which both the in-memory repository and the
/// PostgreSQL repository provide. The in-memory instance is the live one, so it is returned as a copy.
/// </summary>
internal sealed class SagaStateReader<TSaga>(ILoadSagaRepository<TSaga> repository) : ISagaStateReader<TSaga>
    where TSaga : class, ISaga
{
    public async Task<TSaga?> FindAsync(Guid id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var instance = await repository.Load(id).ConfigureAwait(false);
        if (instance is null)
            return null;
        return SagaStateSerializer.Deserialize<TSaga>(SagaStateSerializer.Serialize(instance), id);
    }
}
