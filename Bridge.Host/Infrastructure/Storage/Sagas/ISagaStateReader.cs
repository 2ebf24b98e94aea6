using MassTransit;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>Reads a saga's current state by id, in either mode, for queries outside the bus (the HTTP API).</summary>
public interface ISagaStateReader<TSaga>
    where TSaga : class, ISaga
{
    /// <returns>The state, or null when no saga with that id exists (never started, or finalized and removed).</returns>
    Task<TSaga?> FindAsync(Guid id, CancellationToken ct);
}
