using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Orders;

/// <summary>The released production orders Bridge knows, by order number: what a material request explodes.</summary>
public interface IProductionOrderStore
{
    Task SaveAsync(ProductionOrderReleased order, CancellationToken ct);

    Task<ProductionOrderReleased?> FindAsync(string orderId, CancellationToken ct);
}
