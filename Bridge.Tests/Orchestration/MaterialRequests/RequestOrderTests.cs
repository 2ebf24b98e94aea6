using Bridge.Contracts.Messages;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.MaterialRequests;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>A consume reads its request's order once (<see cref="RequestOrder"/>): the requirements and the reservation share the read.</summary>
public sealed class RequestOrderTests
{
    [Fact]
    public async Task ReadsTheOrderOnce_PerOrderNumber_InItsScope()
    {
        var store = new CountingOrders();
        await store.SaveAsync(new ProductionOrderReleased
        {
            MessageId = Guid.NewGuid(), CorrelationId = "ORD-7", Source = "erp", OccurredAt = DateTimeOffset.UnixEpoch,
            OrderId = "ORD-7", Plant = "P1", Material = "FG", Quantity = 3, Unit = "pcs",
        }, default);
        var order = new RequestOrder(store);

        var first = await order.ReadAsync("ORD-7", default);
        var second = await order.ReadAsync("ORD-7", default);
        first.Order!.Quantity.ShouldBe(3m);
        second.ShouldBeSameAs(first);
        store.LookUps.ShouldBe(1);

        (await order.ReadAsync("ORD-8", default)).Order.ShouldBeNull("another order number is read for itself");
        store.LookUps.ShouldBe(2);
    }

    sealed class CountingOrders : IProductionOrderStore
    {
        readonly InMemoryProductionOrderStore _inner = new();

        public int LookUps { get; private set; }

        public Task<OrderOnFile> LookUpAsync(string orderId, CancellationToken ct)
        {
            LookUps++;
            return _inner.LookUpAsync(orderId, ct);
        }

        public Task SaveAsync(ProductionOrderReleased order, CancellationToken ct) => _inner.SaveAsync(order, ct);

        public Task<ProductionOrderReleased?> FindAsync(string orderId, CancellationToken ct) => throw new InvalidOperationException("read through LookUpAsync");

        public Task<IReadOnlyList<ProductionOrderReleased>> ListDueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) => _inner.ListDueAsync(from, to, ct);

        public Task<OrderChangeOutcome> ApplyChangeAsync(ProductionOrderChanged change, CancellationToken ct) => _inner.ApplyChangeAsync(change, ct);

        public Task<bool> CancelAsync(string orderId, CancellationToken ct) => _inner.CancelAsync(orderId, ct);

        public Task<bool> IsCancelledAsync(string orderId, CancellationToken ct) => throw new InvalidOperationException("read through LookUpAsync");
    }
}
