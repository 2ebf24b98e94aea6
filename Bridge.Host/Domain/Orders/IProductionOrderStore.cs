using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Orders;

/// <summary>The released production orders Bridge knows, by order number: what a material request explodes.</summary>
public interface IProductionOrderStore
{
    Task SaveAsync(ProductionOrderReleased order, CancellationToken ct);

    Task<ProductionOrderReleased?> FindAsync(string orderId, CancellationToken ct);

    /// <summary>The order and whether it was cancelled, in one read.</summary>
    Task<OrderOnFile> LookUpAsync(string orderId, CancellationToken ct);

    /// <summary>The orders due from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), earliest first; orders without a due time and cancelled orders are not in any range.</summary>
    Task<IReadOnlyList<ProductionOrderReleased>> ListDueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Applies the change by <see cref="ProductionOrderChanges.Apply"/>, atomically. A repeated or older change does nothing.</summary>
    Task<OrderChangeOutcome> ApplyChangeAsync(ProductionOrderChanged change, CancellationToken ct);

    /// <summary>Marks the order cancelled; false when it is unknown or was cancelled already.</summary>
    Task<bool> CancelAsync(string orderId, CancellationToken ct);

    Task<bool> IsCancelledAsync(string orderId, CancellationToken ct);
}
