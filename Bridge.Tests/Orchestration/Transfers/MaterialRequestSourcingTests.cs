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
/// timeout → shortage reported.
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

    /// <summary>The TMS reports a status once the transfer saga has stored the transfer it ordered (as it has by the time the TMS got the order).</summary>
    private async Task ReportAsync(string transferOrderId, string status)
    {
        (await _transfers.Exists(TransferIds.ForTransferOrder(transferOrderId), TimeSpan.FromSeconds(20))).ShouldNotBeNull();
        await _bus.Bus.Publish(Status(transferOrderId, status));
    }

    private async Task<MaterialRequestState> InStateAsync(
        string requestId, Func<MaterialRequestStateMachine, MassTransit.State> state, Func<MaterialRequestState, bool>? also = null)
    {
        var id = MaterialRequestIds.ForRequest(requestId);
        (await _requests.Exists(id, state, TimeSpan.FromSeconds(20))).ShouldNotBeNull($"{requestId} never reached the state");
        var found = _requests.Sagas.Select(x => x.CorrelationId == id && (also is null || also(x))).FirstOrDefault()?.Saga;
        return found.ShouldNotBeNull();
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
