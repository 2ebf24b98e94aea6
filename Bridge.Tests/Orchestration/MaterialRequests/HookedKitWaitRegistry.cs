using Bridge.Host.Domain.KitWaits;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>
/// The real wait registry with hooks: before a wait is written (the request has seen the shortage or the missing order,
/// nothing is committed), and after a look-up for waiters.
/// </summary>
public sealed class HookedKitWaitRegistry(IKitWaitRegistry inner, RaceHooks hooks) : IKitWaitRegistry
{
    public async Task WaitAsync(Guid requestSagaId, IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        await hooks.BeforeWait.PassAsync();
        await inner.WaitAsync(requestSagaId, materials, ct);
    }

    public Task RemoveAsync(Guid requestSagaId, CancellationToken ct) => inner.RemoveAsync(requestSagaId, ct);

    public async Task<IReadOnlyList<Guid>> FindWaitingAsync(IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        var found = await inner.FindWaitingAsync(materials, ct);
        await hooks.WaitersLookedUp.PassAsync();
        return found;
    }
}
