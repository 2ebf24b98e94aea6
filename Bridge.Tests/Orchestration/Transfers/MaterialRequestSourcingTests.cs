using Bridge.Contracts.Messages;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Sourcing;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Transfers;
using Bridge.Tests.Orchestration.MaterialRequests;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Orchestration.Transfers.TransferScenario;

namespace Bridge.Tests.Orchestration.Transfers;

/// <summary>
/// Sourcing inside the material request (a plant warehouses.yaml knows) and the transfers it orders, on the test
/// harness with the production registration: own warehouse, other site, split, delivered, failed → re-sourced,
/// timeout → shortage reported; the order cancelled or changed while a transfer travels → the transfer cancelled at the
/// TMS (or, once delivered, its stock left at the destination as free stock).
/// </summary>
public sealed class MaterialRequestSourcingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Reported = new(2020, 1, 6, 8, 0, 0, TimeSpan.Zero);

    private MaterialRequestHarness _host = null!;
    private ITestHarness _bus = null!;
    private ISagaStateMachineTestHarness<MaterialRequestStateMachine, MaterialRequestState> _requests = null!;
    private ISagaStateMachineTestHarness<TransferStateMachine, TransferState> _transfers = null!;

    public async Task InitializeAsync()
    {
        _host = await MaterialRequestHarness.StartAsync("00:10:00", "00:10:00",
            new Dictionary<string, string?> { ["Bridge:Transfers:DeliveryTimeout"] = "00:00:03" },
            services => services.AddSingleton(Sites));
        _bus = _host.Bus;
        _requests = _host.Saga;
        _transfers = _bus.GetSagaStateMachineHarness<TransferStateMachine, TransferState>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OwnWarehouseCovers_PicksThere_NoTransfer_DecisionRecorded()
    {
        await SeedAsync("ORD-1", StockAt("WH-A", 20m), StockAt("WH-B", 100m));

        await _bus.Bus.Publish(Request("REQ-1", "ORD-1"));

        var state = await InStateAsync("REQ-1", m => m.Picking);
        var pick = (await PublishedAsync<PickOrderIssued>()).Single();
        pick.Warehouse.ShouldBe("WH-A");
        pick.Lines.Single().Quantity.ShouldBe(20m);
        _bus.Published.Select<TransferOrderIssued>().ShouldBeEmpty();
        state.Sourcing.Single().Reasons.ShouldBe(["WH-A: 20 of 20 pcs, own warehouse of BER"]);
    }

    [Fact]
    public async Task StockOnlyAtOtherSite_TransferThenPickAtTheDestination_Completes()
    {
        await SeedAsync("ORD-2", StockAt("WH-B", 50m, lot: "LB", location: "B-04"));

        await _bus.Bus.Publish(Request("REQ-2", "ORD-2"));

        var waiting = await InStateAsync("REQ-2", m => m.WaitingForTransfer);
        waiting.Sourcing.Single().Reasons.Single().ShouldStartWith("WH-B: 20 of 20 pcs, lead time 6 h ≤ needed-by 9 h, cost 120");
        var order = (await PublishedAsync<TransferOrderIssued>()).Single();
        (order.FromWarehouse, order.ToWarehouse, order.RequestId).ShouldBe(("WH-B", "WH-A", "REQ-2"));
        order.Lines.Select(l => (l.Material, l.Quantity, l.Lot, l.Location)).ShouldBe([("A-100", 20m, "LB", "B-04")]);
        _bus.Published.Select<PickOrderIssued>().ShouldBeEmpty();
        // The source's reserved stock is held: nothing is counted twice while it travels.
        (await AvailableAsync()).ShouldBe([("WH-B", 30m)]);

        await ReportAsync(order.TransferOrderId, TransportStatus.Dispatched);
        await ReportAsync(order.TransferOrderId, TransportStatus.Delivered);

        await InStateAsync("REQ-2", m => m.Picking);
        var pick = (await PublishedAsync<PickOrderIssued>()).Single();
        pick.Warehouse.ShouldBe("WH-A");
        pick.Lines.Select(l => (l.Quantity, l.Lot, l.Location)).ShouldBe([(20m, "LB", order.TransferOrderId)]);
        (await StockAsync()).ShouldBe([("WH-A", 20m), ("WH-B", 30m)]);
        (await AvailableAsync()).ShouldBe([("WH-B", 30m)]);

        await _bus.Bus.Publish(Confirmation(pick));

        await InStateAsync("REQ-2", m => m.Completed);
        (await StockAsync()).ShouldBe([("WH-B", 30m)]);
    }

    [Fact]
    public async Task OwnWarehouseShort_SplitsWithATransfer_OnePickAtTheDestination()
    {
        await SeedAsync("ORD-3", StockAt("WH-A", 8m), StockAt("WH-B", 40m, lot: "LB"));

        await _bus.Bus.Publish(Request("REQ-3", "ORD-3"));

        var waiting = await InStateAsync("REQ-3", m => m.WaitingForTransfer);
        waiting.Sourcing.Single().Reasons.ShouldBe([
            "WH-A: 8 of 20 pcs, own warehouse of BER",
            "WH-B: 12 of 20 pcs, WH-A short by 12, lead time 6 h ≤ needed-by 9 h, cost 120",
        ]);
        var order = (await PublishedAsync<TransferOrderIssued>()).Single();
        order.Lines.Single().Quantity.ShouldBe(12m);

        await ReportAsync(order.TransferOrderId, TransportStatus.Delivered);

        var pick = (await PublishedAsync<PickOrderIssued>()).Single();
        pick.Warehouse.ShouldBe("WH-A");
        pick.Lines.Select(l => (l.Quantity, l.Location)).ShouldBe([(8m, "R-01"), (12m, order.TransferOrderId)]);
    }

    [Fact]
    public async Task TransferFailed_ResourcesOnceFromAnotherSite_ThenPicks()
    {
        await SeedAsync("ORD-4", StockAt("WH-B", 20m), StockAt("WH-C", 20m));

        await _bus.Bus.Publish(Request("REQ-4", "ORD-4"));

        var first = (await PublishedAsync<TransferOrderIssued>()).Single();
        first.FromWarehouse.ShouldBe("WH-B");

        await ReportAsync(first.TransferOrderId, TransportStatus.Failed);

        var second = (await PublishedAsync<TransferOrderIssued>(m => m.FromWarehouse == "WH-C")).Single(m => m.FromWarehouse == "WH-C");
        second.TransferOrderId.ShouldNotBe(first.TransferOrderId);
        var state = await InStateAsync("REQ-4", m => m.WaitingForTransfer, s => s.Transfers.Count == 2);
        state.FailedSources.ShouldBe(["WH-B"]);
        state.History.Select(h => h.Step).ShouldContain("re-sourced");
        (await AvailableAsync()).ShouldBe([("WH-B", 20m)]);

        await ReportAsync(second.TransferOrderId, TransportStatus.Delivered);

        await InStateAsync("REQ-4", m => m.Picking);
        (await PublishedAsync<PickOrderIssued>()).Single().Lines.Single().Location.ShouldBe(second.TransferOrderId);
    }

    [Fact]
    public async Task TransferNeverDelivered_TimesOut_NoOtherSource_ShortageReported()
    {
        await SeedAsync("ORD-5", StockAt("WH-B", 20m));

        await _bus.Bus.Publish(Request("REQ-5", "ORD-5"));
        var order = (await PublishedAsync<TransferOrderIssued>()).Single();

        (await _transfers.Exists(TransferIds.ForTransferOrder(order.TransferOrderId), m => m.TimedOut, TimeSpan.FromSeconds(20))).ShouldNotBeNull();
        var state = await InStateAsync("REQ-5", m => m.Failed);
        state.FailureReason.ShouldNotBeNull().ShouldContain($"transfer {order.TransferOrderId} from WH-B failed (not delivered within");
        state.FailureReason.ShouldContain("no other source covers it in time");
        var failed = (await PublishedAsync<MaterialRequestFailed>()).Single();
        failed.Shortages.Single().ShouldSatisfyAllConditions(l => l.Material.ShouldBe("A-100"), l => l.Shortage.ShouldBe(20m));
        _bus.Published.Select<PickOrderIssued>().ShouldBeEmpty();
        (await AvailableAsync()).ShouldBe([("WH-B", 20m)]);
    }

    [Fact]
    public async Task SecondTransferFails_NotResourcedAgain_ShortageReported()
    {
        await SeedAsync("ORD-6", StockAt("WH-B", 20m), StockAt("WH-C", 20m));

        await _bus.Bus.Publish(Request("REQ-6", "ORD-6"));
        var first = (await PublishedAsync<TransferOrderIssued>()).Single();
        await ReportAsync(first.TransferOrderId, TransportStatus.Failed);
        var second = (await PublishedAsync<TransferOrderIssued>(m => m.FromWarehouse == "WH-C")).Single(m => m.FromWarehouse == "WH-C");

        await ReportAsync(second.TransferOrderId, "Failed");

        var state = await InStateAsync("REQ-6", m => m.Failed);
        state.FailureReason.ShouldNotBeNull().ShouldContain("already re-sourced once");
        (await PublishedAsync<MaterialRequestFailed>()).Single().State.ShouldBe("Failed");
        (await AvailableAsync()).ShouldBe([("WH-B", 20m), ("WH-C", 20m)]);
    }

    [Fact]
    public async Task OrderCancelled_WhileTheTransferTravels_CancelsItAtTheTms_LateDeliveryIgnored_StockBackAtTheSource()
    {
        await SeedAsync("ORD-7", StockAt("WH-B", 50m, lot: "LB"));
        await _bus.Bus.Publish(Request("REQ-7", "ORD-7"));
        var order = (await PublishedAsync<TransferOrderIssued>()).Single();
        await ReportAsync(order.TransferOrderId, TransportStatus.InTransit);
        await TransferInStateAsync(order.TransferOrderId, m => m.InTransit);

        await _bus.Bus.Publish(Cancellation("ORD-7"));

        var cancelled = (await PublishedAsync<TransferOrderCancelled>()).Single();
        (cancelled.TransferOrderId, cancelled.RequestId, cancelled.FromWarehouse, cancelled.ToWarehouse).ShouldBe((order.TransferOrderId, "REQ-7", "WH-B", "WH-A"));
        cancelled.Reason.ShouldBe("production order ORD-7 was cancelled by erp: customer withdrew");
        var request = await InStateAsync("REQ-7", m => m.Cancelled);
        request.Transfers.Single().Status.ShouldBe(TransferTrack.Cancelled);
        (await AvailableAsync()).ShouldBe([("WH-B", 50m)]);

        // The truck could not be stopped: its delivery (and the TMS's own CANCELLED, read as failed) change nothing.
        await ReportAsync(order.TransferOrderId, TransportStatus.Delivered);
        await ReportAsync(order.TransferOrderId, TransportStatus.Failed);
        var transfer = await TransferInStateAsync(order.TransferOrderId, m => m.Cancelled, s => s.History.Count(h => h.Step == "late-status") == 2);
        transfer.CancellationReason.ShouldBe(cancelled.Reason);
        transfer.History.Select(h => h.Step).ShouldBe(["ordered", "in-transit", "cancelled", "late-status", "late-status"]);
        _bus.Published.Select<Bridge.Host.Processes.Transfers.Messages.TransferDelivered>().ShouldBeEmpty();
        _bus.Published.Select<Bridge.Host.Processes.Transfers.Messages.TransferFailed>().ShouldBeEmpty();
        (await StockAsync()).ShouldBe([("WH-B", 50m)]);

        // The request asked once; the same ask again (a redelivery) is recorded by the ended transfer, nothing is sent.
        await _bus.Bus.Publish(new Bridge.Host.Processes.Transfers.Messages.TransferCancellationRequested(order.TransferOrderId, "REQ-7", "ORD-7", "again"));
        await TransferInStateAsync(order.TransferOrderId, m => m.Cancelled, s => s.History.Any(h => h.Step == "cancel-ignored"));
        _bus.Published.Select<TransferOrderCancelled>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task OrderCancelled_AfterTheTransferWasDelivered_NothingToTheTms_DeliveredStockStaysFreeAtTheDestination()
    {
        await SeedAsync("ORD-8", StockAt("WH-B", 50m, lot: "LB"));
        await _bus.Bus.Publish(Request("REQ-8", "ORD-8"));
        var order = (await PublishedAsync<TransferOrderIssued>()).Single();
        await ReportAsync(order.TransferOrderId, TransportStatus.Delivered);
        var pick = (await PublishedAsync<PickOrderIssued>()).Single();

        await _bus.Bus.Publish(Cancellation("ORD-8"));

        (await PublishedAsync<PickOrderCancelled>()).Single().PickOrderId.ShouldBe(pick.PickOrderId);
        (await InStateAsync("REQ-8", m => m.Cancelled)).Transfers.Single().Status.ShouldBe(TransferTrack.Delivered);
        _bus.Published.Select<Bridge.Host.Processes.Transfers.Messages.TransferCancellationRequested>().ShouldBeEmpty();
        _bus.Published.Select<TransferOrderCancelled>().ShouldBeEmpty();
        (await TransferInStateAsync(order.TransferOrderId, m => m.Delivered)).CurrentState.ShouldBe("Delivered");
        (await AvailableAsync()).ShouldBe([("WH-A", 20m), ("WH-B", 30m)]);
    }

    [Fact]
    public async Task OrderChangedDown_WhileTheTransferTravels_OwnWarehouseNowCovers_TransferCancelled_PickedAtHome()
    {
        await SeedAsync("ORD-9", StockAt("WH-A", 8m), StockAt("WH-B", 40m, lot: "LB"));
        await _bus.Bus.Publish(Request("REQ-9", "ORD-9"));
        var order = (await PublishedAsync<TransferOrderIssued>()).Single();
        order.Lines.Single().Quantity.ShouldBe(12m);

        await _bus.Bus.Publish(Change("ORD-9", quantity: 4));

        var cancelled = (await PublishedAsync<TransferOrderCancelled>()).Single();
        cancelled.TransferOrderId.ShouldBe(order.TransferOrderId);
        cancelled.Reason.ShouldBe("order ORD-9 changed; the request is sourced again");
        var state = await InStateAsync("REQ-9", m => m.Picking);
        state.Transfers.Single().Status.ShouldBe(TransferTrack.Cancelled);
        (await PublishedAsync<PickOrderIssued>()).Single().Lines.Select(l => (l.Warehouse, l.Quantity)).ShouldBe([("WH-A", 8m)]);
        (await AvailableAsync()).ShouldBe([("WH-B", 40m)]);
        await TransferInStateAsync(order.TransferOrderId, m => m.Cancelled);
    }

    [Fact]
    public async Task OrderChangedDown_AfterOneOfTwoTransfersArrived_TheDeliveredStockCovers_TheOtherIsCancelled()
    {
        await SeedAsync("ORD-10", StockAt("WH-B", 12m, lot: "LB"), StockAt("WH-C", 8m, lot: "LC"));
        await _bus.Bus.Publish(Request("REQ-10", "ORD-10"));
        var orders = await PublishedAsync<TransferOrderIssued>(m => m.FromWarehouse == "WH-C");
        orders = await PublishedAsync<TransferOrderIssued>(m => m.FromWarehouse == "WH-B");
        orders.Select(o => (o.FromWarehouse, o.Lines.Single().Quantity)).ShouldBe([("WH-C", 8m), ("WH-B", 12m)], ignoreOrder: true);
        var fromB = orders.Single(o => o.FromWarehouse == "WH-B");
        await ReportAsync(fromB.TransferOrderId, TransportStatus.Delivered);
        await InStateAsync("REQ-10", m => m.WaitingForTransfer, s => s.Transfers.Any(t => t.Status == TransferTrack.Delivered));

        await _bus.Bus.Publish(Change("ORD-10", quantity: 6));

        // 12 needed: the 12 delivered to WH-A are found there; the WH-C transfer still on its way is cancelled.
        var cancelled = (await PublishedAsync<TransferOrderCancelled>()).Single();
        cancelled.FromWarehouse.ShouldBe("WH-C");
        var state = await InStateAsync("REQ-10", m => m.Picking);
        state.Transfers.Select(t => (t.FromWarehouse, t.Status)).ShouldBe([("WH-B", TransferTrack.Released), ("WH-C", TransferTrack.Cancelled)], ignoreOrder: true);
        var pick = (await PublishedAsync<PickOrderIssued>()).Single();
        pick.Lines.Select(l => (l.Warehouse, l.Location, l.Quantity)).ShouldBe([("WH-A", fromB.TransferOrderId, 12m)]);
        (await AvailableAsync()).ShouldBe([("WH-C", 8m)]);
        _bus.Published.Select<TransferOrderIssued>().Count().ShouldBe(2);
    }

    /// <summary>The TMS reports a status once the transfer saga has stored the transfer it ordered (as it has by the time the TMS got the order).</summary>
    private async Task ReportAsync(string transferOrderId, string status)
    {
        (await _transfers.Exists(TransferIds.ForTransferOrder(transferOrderId), TimeSpan.FromSeconds(20))).ShouldNotBeNull();
        await _bus.Bus.Publish(Status(transferOrderId, status));
    }

    private async Task<TransferState> TransferInStateAsync(
        string transferOrderId, Func<TransferStateMachine, MassTransit.State> state, Func<TransferState, bool>? also = null)
    {
        var id = TransferIds.ForTransferOrder(transferOrderId);
        (await _transfers.Exists(id, state, TimeSpan.FromSeconds(20))).ShouldNotBeNull($"{transferOrderId} never reached the state; " + Histories());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (also is not null && !_transfers.Sagas.Select(x => x.CorrelationId == id && also(x)).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return _transfers.Sagas.Select(x => x.CorrelationId == id && (also is null || also(x))).FirstOrDefault()?.Saga
            .ShouldNotBeNull(Histories())!;
    }

    private async Task<MaterialRequestState> InStateAsync(
        string requestId, Func<MaterialRequestStateMachine, MassTransit.State> state, Func<MaterialRequestState, bool>? also = null)
    {
        var id = MaterialRequestIds.ForRequest(requestId);
        (await _requests.Exists(id, state, TimeSpan.FromSeconds(20))).ShouldNotBeNull($"{requestId} never reached the state; " + Histories());
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (also is not null && !_requests.Sagas.Select(x => x.CorrelationId == id && also(x)).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        var found = _requests.Sagas.Select(x => x.CorrelationId == id && (also is null || also(x))).FirstOrDefault()?.Saga;
        return found.ShouldNotBeNull(Histories());
    }

    /// <summary>What was published of a type once one matches (the harness's inactivity wait ends before a saga's later publishes).</summary>
    private async Task<IReadOnlyList<T>> PublishedAsync<T>(Func<T, bool> match) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!_bus.Published.Select<T>().Any(m => match(m.Context.Message)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        var published = _bus.Published.Select<T>().Select(m => m.Context.Message).ToList();
        published.Any(match).ShouldBeTrue($"no matching {typeof(T).Name} was published; " + Histories());
        return published;
    }

    private async Task<IReadOnlyList<T>> PublishedAsync<T>() where T : class
    {
        return (await PublishedAsync<T>(_ => true)).ToList();
    }

    private string Histories() =>
        string.Join(" | ", _requests.Sagas.Select(_ => true).Select(x => x.Saga).Select(s => $"{s.RequestId} {s.CurrentState}: "
            + string.Join("; ", s.History.Select(h => $"{h.Step} ({h.Detail})"))))
        + " || " + string.Join(" | ", _transfers.Sagas.Select(_ => true).Select(x => x.Saga).Select(s => $"{s.TransferOrderId} {s.CurrentState}: "
            + string.Join("; ", s.History.Select(h => $"{h.Step} ({h.Detail})"))))
        + " || dead letters: " + string.Join("; ", _host.Provider.GetRequiredService<Bridge.Host.Pipeline.DeadLetters.IDeadLetterStore>().ListAsync(100, true, default).Result.Select(d => d.Reason))
        + " || consumed statuses: " + string.Join("; ", _bus.Consumed.Select<TransportStatusChanged>().Select(m => m.Context.Message.Status + (m.Exception is null ? "" : " " + m.Exception.Message)))
        + " || faults: " + string.Join("; ", _bus.Published.Select<Fault>().Select(f => string.Join(",", ((Fault)f.MessageObject).Exceptions.Select(e => e.Message))));

    private async Task<IReadOnlyList<(string, decimal)>> AvailableAsync()
    {
        var available = await _host.Provider.GetRequiredService<IStockView>().GetAvailableAsync(["A-100"], default);
        return available.TryGetValue("A-100", out var locations)
            ? locations.GroupBy(l => l.Warehouse).Select(g => (g.Key, g.Sum(l => l.Quantity))).OrderBy(x => x.Key).ToList()
            : [];
    }

    private async Task<IReadOnlyList<(string, decimal)>> StockAsync() =>
        (await _host.Provider.GetRequiredService<IStockView>().ListAsync("A-100", default))
            .GroupBy(e => e.Warehouse).Select(g => (g.Key, g.Sum(e => e.Quantity))).OrderBy(x => x.Key).ToList();

    private async Task SeedAsync(string orderId, params Bridge.Contracts.Model.InventoryRecord[] stock)
    {
        await _host.Provider.GetRequiredService<IProductionOrderStore>().SaveAsync(Order(orderId), default);
        var view = _host.Provider.GetRequiredService<IStockView>();
        foreach (var record in stock)
        {
            await view.ApplyAsync(record, Reported, default);
        }
    }
}
