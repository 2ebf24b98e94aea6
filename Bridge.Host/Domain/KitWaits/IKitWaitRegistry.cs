namespace Bridge.Host.Domain.KitWaits;

/// <summary>
/// Which material requests wait for which materials, so an InventoryChanged for a material wakes exactly the
/// requests short of it (instead of every waiting saga polling the stock view).
/// </summary>
public interface IKitWaitRegistry
{
    Task WaitAsync(Guid requestSagaId, IReadOnlyCollection<string> materials, CancellationToken ct);

    Task RemoveAsync(Guid requestSagaId, CancellationToken ct);

    Task<IReadOnlyList<Guid>> FindWaitingAsync(IReadOnlyCollection<string> materials, CancellationToken ct);
}
