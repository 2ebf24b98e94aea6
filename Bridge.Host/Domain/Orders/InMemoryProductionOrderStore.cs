using System.Collections.Concurrent;
using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Orders;

public sealed class InMemoryProductionOrderStore : IProductionOrderStore
{
    private readonly ConcurrentDictionary<string, ProductionOrderReleased> _orders = new(StringComparer.Ordinal);

    public Task SaveAsync(ProductionOrderReleased order, CancellationToken ct)
    {
        _orders[order.OrderId] = order;
        return Task.CompletedTask;
    }

    public Task<ProductionOrderReleased?> FindAsync(string orderId, CancellationToken ct) =>
        Task.FromResult(_orders.GetValueOrDefault(orderId));
}
