using Bridge.Contracts.Messages;

namespace Bridge.Host.Domain.Orders;

public sealed class InMemoryProductionOrderStore : IProductionOrderStore
{
    private readonly Dictionary<string, Entry> _orders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task SaveAsync(ProductionOrderReleased order, CancellationToken ct)
    {
        lock (_gate)
        {
            var known = _orders.GetValueOrDefault(order.OrderId);
            _orders[order.OrderId] = new Entry(order, known?.ChangedAt, known?.Cancelled ?? false);
        }

        return Task.CompletedTask;
    }

    public Task<ProductionOrderReleased?> FindAsync(string orderId, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(_orders.GetValueOrDefault(orderId)?.Order);
        }
    }

    public Task<OrderOnFile> LookUpAsync(string orderId, CancellationToken ct)
    {
        lock (_gate)
        {
            var entry = _orders.GetValueOrDefault(orderId);
            return Task.FromResult(new OrderOnFile(entry?.Order, entry?.Cancelled ?? false));
        }
    }

    public Task<IReadOnlyList<ProductionOrderReleased>> ListDueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ProductionOrderReleased>>(_orders.Values
                .Where(e => !e.Cancelled)
                .Select(e => e.Order)
                .Where(o => o.DueAt is { } due && due >= from && due < to)
                .OrderBy(o => o.DueAt).ThenBy(o => o.OrderId, StringComparer.Ordinal)
                .ToList());
        }
    }

    public Task<OrderChangeOutcome> ApplyChangeAsync(ProductionOrderChanged change, CancellationToken ct)
    {
        lock (_gate)
        {
            var known = _orders.GetValueOrDefault(change.OrderId);
            var outcome = ProductionOrderChanges.Apply(known?.Order, known?.ChangedAt, known?.Cancelled ?? false, change);
            if (outcome is OrderChangeOutcome.Applied applied)
            {
                _orders[change.OrderId] = new Entry(applied.After, change.OccurredAt, false);
            }

            return Task.FromResult(outcome);
        }
    }

    public Task<bool> CancelAsync(string orderId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_orders.GetValueOrDefault(orderId) is not { Cancelled: false } known)
            {
                return Task.FromResult(false);
            }

            _orders[orderId] = known with { Cancelled = true };
            return Task.FromResult(true);
        }
    }

    public Task<bool> IsCancelledAsync(string orderId, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(_orders.GetValueOrDefault(orderId)?.Cancelled ?? false);
        }
    }

    private sealed record Entry(ProductionOrderReleased Order, DateTimeOffset? ChangedAt, bool Cancelled);
}
