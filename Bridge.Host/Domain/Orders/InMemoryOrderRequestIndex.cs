namespace Bridge.Host.Domain.Orders;

public sealed class InMemoryOrderRequestIndex : IOrderRequestIndex
{
    private readonly Dictionary<string, List<Guid>> _requests = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task AddAsync(string orderId, Guid requestSagaId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_requests.TryGetValue(orderId, out var list))
            {
                _requests[orderId] = list = [];
            }

            if (!list.Contains(requestSagaId))
            {
                list.Add(requestSagaId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Guid>> FindAsync(string orderId, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Guid>>(_requests.TryGetValue(orderId, out var list) ? list.ToList() : []);
        }
    }
}
