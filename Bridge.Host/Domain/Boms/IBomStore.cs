using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Boms;

/// <summary>The BOMs published to Bridge (<see cref="BomPublished"/>), one per material; a newer publication replaces an older one.</summary>
public interface IBomStore
{
    /// <returns>False when a newer BOM of that material is already held (nothing changed).</returns>
    Task<bool> SaveAsync(BomPublished bom, CancellationToken ct);

    Task<IReadOnlyList<BomPublished>> ListAsync(CancellationToken ct);
}
