using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Orders;

/// <summary>The released production orders Bridge knows, by order number: what a material request explodes.</summary>
public interface IProductionOrderStore
{
    Task SaveAsync(ProductionOrderReleased order, CancellationToken ct);

    Task<ProductionOrderReleased?> FindAsync(string orderId, CancellationToken ct);

    /// <summary>The orders due from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), earliest first; orders without a due time are not in any range.</summary>
    Task<IReadOnlyList<ProductionOrderReleased>> ListDueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}
