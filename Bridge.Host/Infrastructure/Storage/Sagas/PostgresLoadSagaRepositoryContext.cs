using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>Reads one saga by id outside a consumer (the HTTP API's "show me this request").</summary>
public sealed class PostgresLoadSagaRepositoryContext<TSaga>(PostgresUnitOfWork unitOfWork, PostgresSagaStore<TSaga> store, CancellationToken ct)
    : BasePipeContext(ct), LoadSagaRepositoryContext<TSaga>
    where TSaga : class, ISaga
{
    public async Task<TSaga> Load(Guid correlationId)
    {
        var connection = await unitOfWork.GetConnectionAsync(CancellationToken).ConfigureAwait(false);
        return (await store.LoadAsync(connection, unitOfWork.Transaction, correlationId, CancellationToken).ConfigureAwait(false))!;
    }
}
