using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.MaterialRequests.Messages;
using Bridge.Host.Processes.Transfers.Messages;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Orchestration.MaterialRequests.MaterialRequestScenario;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>
/// Issue 10, order changes on the saga (embedded stores, MassTransit's harness, the production registration): more →
/// the difference reserved with a new pick; less → open picks cancelled at the WMS, stock released, the rest planned
/// anew; due time and line recorded; cancellation compensates and ends the request Cancelled; duplicates, late and
/// early messages change nothing.
/// The order (MaterialRequestScenario) needs 2 pcs A-100 and 0.5 kg B-200 + 10 % scrap per piece.
/// </summary>
public sealed class MaterialRequestOrderChangeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Reported = new(2020, 1, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Changed = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private MaterialRequestHarness _host = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private ISagaStateMachineTestHarness<MaterialRequestStateMachine, MaterialRequestState> _saga = null!;

    public async Task InitializeAsync()
    {
        _host = await MaterialRequestHarness.StartAsync(stockWaitTimeout: "00:10:00", pickTimeout: "00:10:00");
        (_provider, _harness, _saga) = (_host.Provider, _host.Bus, _host.Saga);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task QuantityUp_WhilePicking_ReservesTheDifferenceWithANewPick_AndDeliversBoth()
    {
        var first = await PickingAsync("ORD-C1", "REQ-C1", ("A-100", 100m, "pcs", "WH-A"), ("B-200", 20m, "kg", "WH-A"));

        await _harness.Bus.Publish(Change("ORD-C1", quantity: 15));

        var picks = await UntilPublishedAsync<PickOrderIssued>(2);
        var more = picks.Single(p => p.PickOrderId != first.Single().PickOrderId);
        more.Lines.Select(l => (l.Material, l.Quantity)).ShouldBe([("A-100", 10m), ("B-200", 2.75m)]);
        _harness.Published.Select<PickOrderCancelled>().ShouldBeEmpty();
        (await Stock().ListReservationsAsync(default)).Count.ShouldBe(2);
        (await Available("A-100")).ShouldBe(70m);

        await _harness.Bus.Publish(Confirmation(first.Single()));
        await _harness.Bus.Publish(Confirmation(more));

        await StateAsync("REQ-C1", m => m.Completed);
        (await PublishedAsync<MaterialDelivered>()).Single().Lines.Where(l => l.Material == "A-100").Sum(l => l.Quantity).ShouldBe(30m);
        (await Stock().ListReservationsAsync(default)).ShouldBeEmpty();
        (await Available("A-100")).ShouldBe(70m);
    }

    [Fact]
    public async Task QuantityDown_WhilePicking_CancelsTheOpenPick_ReleasesIt_AndPicksWhatIsStillMissing()
    {
        // A-100 comes from WH-A, B-200 from WH-B: two picks. WH-A confirms 20 pcs, then the order drops to 5 pieces.
        var picks = await PickingAsync("ORD-C2", "REQ-C2", ("A-100", 100m, "pcs", "WH-A"), ("B-200", 20m, "kg", "WH-B"));
        var pickA = picks.Single(p => p.Warehouse == "WH-A");
        var pickB = picks.Single(p => p.Warehouse == "WH-B");
        await _harness.Bus.Publish(Confirmation(pickA));
        await UntilAsync("REQ-C2", s => s.Picks.Count(p => p.Confirmed) == 1);

        await _harness.Bus.Publish(Change("ORD-C2", quantity: 5));

        var cancelled = (await PublishedAsync<PickOrderCancelled>()).Single();
        cancelled.PickOrderId.ShouldBe(pickB.PickOrderId);
        cancelled.Warehouse.ShouldBe("WH-B");
        cancelled.Reason.ShouldContain("ORD-C2 changed");
        var again = (await UntilPublishedAsync<PickOrderIssued>(3)).Single(p => p.PickOrderId != pickA.PickOrderId && p.PickOrderId != pickB.PickOrderId);
        again.Warehouse.ShouldBe("WH-B");
        again.Lines.Select(l => (l.Material, l.Quantity)).ShouldBe([("B-200", 2.75m)]);
        (await Available("B-200")).ShouldBe(17.25m);

        // The WMS confirms the cancelled pick anyway: dead-lettered with the reason, the request goes on.
        await _harness.Bus.Publish(Confirmation(pickB));
        (await DeadLettersAsync(1)).Single().Reason.ShouldContain("was cancelled after a change of order ORD-C2");

        await _harness.Bus.Publish(Confirmation(again));
        await StateAsync("REQ-C2", m => m.Completed);
        (await PublishedAsync<MaterialDelivered>()).Single().Lines.Select(l => (l.Material, l.Quantity))
            .ShouldBe([("A-100", 20m), ("B-200", 2.75m)], ignoreOrder: true);
        (await Stock().ListReservationsAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ComponentDroppedFromTheBom_CancelsItsPick_AndCompletesWithTheConfirmedOne()
    {
        var picks = await PickingAsync("ORD-C3", "REQ-C3", ("A-100", 100m, "pcs", "WH-A"), ("B-200", 20m, "kg", "WH-B"));
        await _harness.Bus.Publish(Confirmation(picks.Single(p => p.Warehouse == "WH-A")));
        await UntilAsync("REQ-C3", s => s.Picks.Count(p => p.Confirmed) == 1);

        await _harness.Bus.Publish(Change("ORD-C3") with { Bom = [new BomLine { Material = "A-100", QuantityPer = 2, Unit = "pcs" }] });

        await StateAsync("REQ-C3", m => m.Completed);
        (await PublishedAsync<PickOrderCancelled>()).Single().Warehouse.ShouldBe("WH-B");
        (await Available("B-200")).ShouldBe(20m);
        (await Stock().ListReservationsAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DueTimeAndLine_BecomeTheNewNeededBy_WithoutTouchingThePicks()
    {
        await PickingAsync("ORD-C4", "REQ-C4", ("A-100", 100m, "pcs", "WH-A"), ("B-200", 20m, "kg", "WH-A"));
        var due = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

        await _harness.Bus.Publish(Change("ORD-C4") with { DueAt = due, Line = "L7" });

        var state = await UntilAsync("REQ-C4", s => s.NeededBy == due);
        state.Line.ShouldBe("L7");
        state.History.ShouldContain(h => h.Step == "needed-by-changed");
        state.CurrentState.ShouldBe("Picking");
        (await _provider.GetRequiredService<IProductionOrderStore>().FindAsync("ORD-C4", default))!.ShouldSatisfyAllConditions(
            o => o.DueAt.ShouldBe(due), o => o.Line.ShouldBe("L7"), o => o.Quantity.ShouldBe(10m));
        _harness.Published.Select<PickOrderIssued>().Count().ShouldBe(1);
        _harness.Published.Select<PickOrderCancelled>().ShouldBeEmpty();
    }

    [Fact]
    public async Task QuantityUp_WhileWaitingForStock_ChecksTheNewRequirements()
    {
        await OrderAsync("ORD-C5");
        await StockAsync(("A-100", 25m, "pcs", "WH-A"));
        await _harness.Bus.Publish(Request("REQ-C5", "ORD-C5"));
        await StateAsync("REQ-C5", m => m.WaitingForStock);

        await _harness.Bus.Publish(Change("ORD-C5", quantity: 20));

        await UntilAsync("REQ-C5", s => s.Required.Single(l => l.Material == "A-100").Quantity == 40m);
        await _harness.Bus.Publish(StockLevel("B-200", 11m, "kg"));
        await _harness.Bus.Publish(StockLevel("A-100", 40m, "pcs"));
        await StateAsync("REQ-C5", m => m.Picking);
        (await PublishedAsync<PickOrderIssued>()).Single().Lines.Select(l => (l.Material, l.Quantity)).ShouldBe([("A-100", 40m), ("B-200", 11m)]);
    }

    [Fact]
    public async Task Cancel_WhilePicking_CancelsPicksAtTheWms_ReleasesStock_TellsMes_NoTransferToCancel()
    {
        var picks = await PickingAsync("ORD-C6", "REQ-C6", ("A-100", 100m, "pcs", "WH-A"), ("B-200", 20m, "kg", "WH-B"));

        await _harness.Bus.Publish(Cancel("ORD-C6"));

        var state = await StateAsync("REQ-C6", m => m.Cancelled);
        state.FailureReason.ShouldBe("production order ORD-C6 was cancelled by erp: customer withdrew");
        (await UntilPublishedAsync<PickOrderCancelled>(2)).Select(c => c.PickOrderId).ShouldBe(picks.Select(p => p.PickOrderId), ignoreOrder: true);
        var failed = (await PublishedAsync<MaterialRequestFailed>()).Single();
        failed.State.ShouldBe("Cancelled");
        failed.Reason.ShouldContain("customer withdrew");
        // A request without transfers asks none to cancel (one with transfers: MaterialRequestTransferCancellationTests).
        _harness.Published.Select<TransferCancellationRequested>().ShouldBeEmpty();
        (await Stock().ListReservationsAsync(default)).ShouldBeEmpty();
        (await Available("A-100")).ShouldBe(100m);
        (await Available("B-200")).ShouldBe(20m);
        (await _provider.GetRequiredService<IProductionOrderStore>().IsCancelledAsync("ORD-C6", default)).ShouldBeTrue();
    }

    [Fact]
    public async Task CancelAndChange_Twice_OrLate_ChangeNothingMore()
    {
        await PickingAsync("ORD-C7", "REQ-C7", ("A-100", 100m, "pcs", "WH-A"), ("B-200", 20m, "kg", "WH-A"));
        var up = Change("ORD-C7", quantity: 15);
        await _harness.Bus.Publish(up);
        await UntilPublishedAsync<PickOrderIssued>(2);

        // The same change again (a redelivery under a new message id) and an older one: the order book has a newer one.
        await _harness.Bus.Publish(up with { MessageId = NewId.NextGuid() });
        await _harness.Bus.Publish(Change("ORD-C7", quantity: 50) with { OccurredAt = Changed.AddHours(-1) });
        await _harness.Bus.Publish(Cancel("ORD-C7"));
        await StateAsync("REQ-C7", m => m.Cancelled);
        await _harness.Bus.Publish(Cancel("ORD-C7"));
        await _harness.Bus.Publish(Change("ORD-C7", quantity: 30) with { OccurredAt = Changed.AddHours(1) });

        await UntilAsync(() => _harness.Consumed.Select<ProductionOrderChanged>().Count() == 4);
        await UntilAsync(() => _saga.Consumed.Select<CancelMaterialRequest>().Count() == 2);
        _saga.Consumed.Select<ReplanMaterialRequest>().Count().ShouldBe(1);
        _harness.Published.Select<PickOrderIssued>().Count().ShouldBe(2);
        _harness.Published.Select<PickOrderCancelled>().Count().ShouldBe(2);
        _harness.Published.Select<MaterialRequestFailed>().Count().ShouldBe(1);
        (await _provider.GetRequiredService<IProductionOrderStore>().FindAsync("ORD-C7", default))!.Quantity.ShouldBe(15m);
        (await Stock().ListReservationsAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CancelBeforeTheRequest_RejectsTheRequestThatComesLater()
    {
        await OrderAsync("ORD-C8");
        await StockAsync(("A-100", 100m, "pcs", "WH-A"), ("B-200", 20m, "kg", "WH-A"));
        await _harness.Bus.Publish(Cancel("ORD-C8"));
        (await _harness.Consumed.Any<ProductionOrderCancelled>()).ShouldBeTrue();
        await UntilCancelledAsync("ORD-C8");

        await _harness.Bus.Publish(Request("REQ-C8", "ORD-C8"));

        (await StateAsync("REQ-C8", m => m.Rejected)).FailureReason.ShouldBe("production order ORD-C8 was cancelled");
        _harness.Published.Select<PickOrderIssued>().ShouldBeEmpty();
    }

    [Fact]
    public async Task ChangeOrCancel_ForAnOrderBridgeNeverKnew_IsDeadLetteredWithTheReason()
    {
        await _harness.Bus.Publish(Change("ORD-NONE", quantity: 3));
        await _harness.Bus.Publish(Cancel("ORD-NONE"));

        var letters = await DeadLettersAsync(2);
        letters.ShouldContain(l => l.MessageType == "ProductionOrderChanged" && l.Reason.Contains("ORD-NONE is not known"));
        letters.ShouldContain(l => l.MessageType == "ProductionOrderCancelled" && l.Reason.Contains("ORD-NONE is not known"));
        letters.ShouldAllBe(l => l.Metadata["orderId"] == "ORD-NONE");
        (await _harness.Published.Any<Fault<ProductionOrderChanged>>()).ShouldBeFalse();
    }

    private static ProductionOrderChanged Change(string orderId, decimal? quantity = null) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = orderId,
        Source = "erp",
        OccurredAt = Changed,
        OrderId = orderId,
        Quantity = quantity,
    };

    private static ProductionOrderCancelled Cancel(string orderId) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = orderId,
        Source = "erp",
        OccurredAt = Changed,
        OrderId = orderId,
        Reason = "customer withdrew",
    };

    private async Task<IReadOnlyList<PickOrderIssued>> PickingAsync(string orderId, string requestId,
        params (string Material, decimal Quantity, string Unit, string Warehouse)[] stock)
    {
        await OrderAsync(orderId);
        await StockAsync(stock);
        await _harness.Bus.Publish(Request(requestId, orderId));
        var state = await StateAsync(requestId, m => m.Picking);
        return await UntilPublishedAsync<PickOrderIssued>(state.Picks.Count);
    }

    private IStockView Stock() => _provider.GetRequiredService<IStockView>();

    private async Task<decimal> Available(string material) =>
        (await Stock().GetAvailableAsync([material], default)).TryGetValue(material, out var found) ? found.Sum(s => s.Quantity) : 0m;

    private Task OrderAsync(string orderId) => _provider.GetRequiredService<IProductionOrderStore>().SaveAsync(Order(orderId), default);

    private async Task StockAsync(params (string Material, decimal Quantity, string Unit, string Warehouse)[] stock)
    {
        foreach (var (material, quantity, unit, warehouse) in stock)
        {
            await Stock().ApplyAsync(StockLevel(material, quantity, unit, warehouse).Record, Reported, default);
        }
    }

    private async Task UntilCancelledAsync(string orderId)
    {
        var orders = _provider.GetRequiredService<IProductionOrderStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await orders.IsCancelledAsync(orderId, default) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        condition().ShouldBeTrue();
    }

    private async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(int count)
    {
        var letters = _provider.GetRequiredService<IDeadLetterStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<DeadLetter> found = [];
        while (found.Count < count && DateTime.UtcNow < deadline)
        {
            found = await letters.ListAsync(10, false, default);
            await Task.Delay(25);
        }

        return found;
    }

    private async Task<MaterialRequestState> StateAsync(string requestId, Func<MaterialRequestStateMachine, MassTransit.State> state)
    {
        var id = MaterialRequestIds.ForRequest(requestId);
        (await _saga.Exists(id, state, TimeSpan.FromSeconds(10))).ShouldNotBeNull($"{requestId} did not reach the state");
        return _saga.Sagas.ContainsInState(id, _saga.StateMachine, state).ShouldNotBeNull();
    }

    private async Task<MaterialRequestState> UntilAsync(string requestId, Func<MaterialRequestState, bool> condition)
    {
        var id = MaterialRequestIds.ForRequest(requestId);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(_saga.Sagas.Contains(id) is { } s && condition(s)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        var found = _saga.Sagas.Contains(id).ShouldNotBeNull();
        condition(found).ShouldBeTrue();
        return found;
    }

    private async Task<IReadOnlyList<T>> PublishedAsync<T>() where T : class => await UntilPublishedAsync<T>(1);

    private async Task<IReadOnlyList<T>> UntilPublishedAsync<T>(int count) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_harness.Published.Select<T>().Count() < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return _harness.Published.Select<T>().Select(m => m.Context.Message).ToList();
    }
}
