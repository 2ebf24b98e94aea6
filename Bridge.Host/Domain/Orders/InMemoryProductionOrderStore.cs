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

    public Task<IReadOnlyList<ProductionOrderReleased>> ListDueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProductionOrderReleased>>(_orders.Values
            .Where(o => o.DueAt is { } due && due >= from && due < to)
            .OrderBy(o => o.DueAt).ThenBy(o => o.OrderId, StringComparer.Ordinal)
            .ToList());
}
