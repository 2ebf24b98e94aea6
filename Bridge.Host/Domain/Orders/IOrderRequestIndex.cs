namespace Bridge.Host.Domain.Orders;

/// <summary>Which material requests (saga keys) were made for a production order, so an order change can reach each one.</summary>
public interface IOrderRequestIndex
{
    /// <summary>Files the request under its order. Idempotent.</summary>
    Task AddAsync(string orderId, Guid requestSagaId, CancellationToken ct);

    Task<IReadOnlyList<Guid>> FindAsync(string orderId, CancellationToken ct);
}
