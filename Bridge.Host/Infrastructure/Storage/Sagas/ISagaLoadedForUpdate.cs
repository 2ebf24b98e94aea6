namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// Marks a saga whose instances take many concurrent events (every delivery to one line-side location correlates to one
/// replenishment saga): the PostgreSQL repository loads it <c>FOR UPDATE</c>, so its events wait for each other's commit
/// instead of failing at the versioned write and retrying with back-off. Other sagas stay purely optimistic: an event
/// there never waits on a transaction that holds the instance (a stock re-check may hold it while a timeout ends the
/// request, and the timeout must win).
/// </summary>
public interface ISagaLoadedForUpdate
{
}
