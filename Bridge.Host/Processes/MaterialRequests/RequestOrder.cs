using Bridge.Host.Domain.Orders;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// The request's production order as the order book holds it, read once in a consumed message's scope: the requirements
/// and the reservation of one consume both need it, and each read of its own was a round trip and a transaction.
/// </summary>
public sealed class RequestOrder(IProductionOrderStore orders)
{
    private string? _orderId;
    private OrderOnFile? _onFile;

    public async Task<OrderOnFile> ReadAsync(string orderId, CancellationToken ct)
    {
        if (_onFile is null || !string.Equals(_orderId, orderId, StringComparison.Ordinal))
        {
            _onFile = await orders.LookUpAsync(orderId, ct);
            _orderId = orderId;
        }

        return _onFile;
    }
}
