using Bridge.Contracts.Messages;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.MaterialRequests;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Orchestration.MaterialRequests.MaterialRequestScenario;

namespace Bridge.Tests.Orchestration.MaterialRequests;

public sealed class MaterialRequestStateMachineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Reported = new(2020, 1, 6, 8, 0, 0, TimeSpan.Zero);

    private MaterialRequestHarness _host = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private ISagaStateMachineTestHarness<MaterialRequestStateMachine, MaterialRequestState> _saga = null!;

    public async Task InitializeAsync()
    {
        _host = await MaterialRequestHarness.StartAsync(stockWaitTimeout: "00:00:04", pickTimeout: "00:10:00");
        (_provider, _harness, _saga) = (_host.Provider, _host.Bus, _host.Saga);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StockCovers_IssuesOnePickOrder_ThenDeliversOnConfirmation()
    {
        await SeedAsync("ORD-1", ("A-100", 20m, "pcs"), ("B-200", 5.5m, "kg"));

        await _harness.Bus.Publish(Request("REQ-1", "ORD-1"));

        var sagaId = MaterialRequestIds.ForRequest("REQ-1");
        (await _saga.Exists(sagaId, m => m.Picking)).ShouldNotBeNull();
        var pick = (await PublishedAsync<PickOrderIssued>()).Single();
        pick.Lines.Select(l => (l.Material, l.Quantity)).ShouldBe([("A-100", 20m), ("B-200", 5.5m)]);
        pick.Warehouse.ShouldBe("WH-A");
        pick.Destination.ShouldBe("LINE-1/ST-3");

        await _harness.Bus.Publish(Confirmation(pick));

        (await _saga.Exists(sagaId, m => m.Completed)).ShouldNotBeNull();
        var delivered = (await PublishedAsync<MaterialDelivered>()).Single();
        delivered.RequestId.ShouldBe("REQ-1");
        delivered.Lines.Count.ShouldBe(2);
        // Picked stock leaves the view at the confirmation, not when the WMS next reports the bin.
        (await _provider.GetRequiredService<IStockView>().GetAvailableAsync(["A-100"], default)).ContainsKey("A-100").ShouldBeFalse();
    }

    [Fact]
    public async Task Shortage_ReportsKitToMes_ThenStockArrival_IssuesPickOrder()
    {
        await SeedAsync("ORD-2", ("A-100", 20m, "pcs"), ("B-200", 2m, "kg"));

        await _harness.Bus.Publish(Request("REQ-2", "ORD-2"));

        var sagaId = MaterialRequestIds.ForRequest("REQ-2");
        (await _saga.Exists(sagaId, m => m.WaitingForStock)).ShouldNotBeNull();
        var kit = (await PublishedAsync<KitChecked>()).Single();
        kit.Complete.ShouldBeFalse();
        kit.KitRate.ShouldBe(0.5m);
        kit.Lines.Single(l => l.Shortage > 0).ShouldSatisfyAllConditions(
            l => l.Material.ShouldBe("B-200"),
            l => l.Shortage.ShouldBe(3.5m));
        _harness.Published.Select<PickOrderIssued>().ShouldBeEmpty();

        await _harness.Bus.Publish(StockLevel("B-200", 6m, "kg", lot: "L7"));

        (await _saga.Exists(sagaId, m => m.Picking)).ShouldNotBeNull();
        (await PublishedAsync<PickOrderIssued>()).Single().Lines
            .Single(l => l.Material == "B-200").Lot.ShouldBe("L7");
    }

    [Fact]
    public async Task Shortage_NoStockArrives_TimesOutThroughTheScheduler()
    {
        await SeedAsync("ORD-3", ("A-100", 1m, "pcs"));

        await _harness.Bus.Publish(Request("REQ-3", "ORD-3"));

        (await _saga.Exists(MaterialRequestIds.ForRequest("REQ-3"), m => m.TimedOut, TimeSpan.FromSeconds(15))).ShouldNotBeNull();
        var state = _saga.Sagas.ContainsInState(MaterialRequestIds.ForRequest("REQ-3"), _saga.StateMachine, m => m.TimedOut).ShouldNotBeNull();
        state.FailureReason.ShouldNotBeNull().ShouldContain("no stock");
    }

    [Fact]
    public async Task OrderWithoutBom_IsRejectedWithAReason()
    {
        await _provider.GetRequiredService<IProductionOrderStore>().SaveAsync(Order("ORD-4") with { Bom = [] }, default);

        await _harness.Bus.Publish(Request("REQ-4", "ORD-4"));

        var sagaId = MaterialRequestIds.ForRequest("REQ-4");
        (await _saga.Exists(sagaId, m => m.Rejected)).ShouldNotBeNull();
        _saga.Sagas.ContainsInState(sagaId, _saga.StateMachine, m => m.Rejected)!.FailureReason.ShouldNotBeNull().ShouldContain("no BOM lines");
    }

    [Fact]
    public async Task RequestBeforeItsOrder_WaitsForTheOrder_ThenPicks()
    {
        await SeedAsync(null, ("A-100", 20m, "pcs"), ("B-200", 5.5m, "kg"));

        await _harness.Bus.Publish(Request("REQ-6", "ORD-6"));

        var sagaId = MaterialRequestIds.ForRequest("REQ-6");
        (await _saga.Exists(sagaId, m => m.WaitingForOrder)).ShouldNotBeNull();

        await _harness.Bus.Publish(Order("ORD-6"));

        (await _saga.Exists(sagaId, m => m.Picking)).ShouldNotBeNull();
        (await PublishedAsync<PickOrderIssued>()).Single().Lines.Count.ShouldBe(2);
    }

    [Fact]
    public async Task OrderNeverArrives_TimesOut()
    {
        await _harness.Bus.Publish(Request("REQ-7", "NO-SUCH-ORDER"));

        var sagaId = MaterialRequestIds.ForRequest("REQ-7");
        (await _saga.Exists(sagaId, m => m.TimedOut, TimeSpan.FromSeconds(15))).ShouldNotBeNull();
        _saga.Sagas.ContainsInState(sagaId, _saga.StateMachine, m => m.TimedOut)!.FailureReason.ShouldNotBeNull().ShouldContain("did not arrive");
    }

    [Fact]
    public async Task SameRequestTwice_IssuesOnePickOrder()
    {
        await SeedAsync("ORD-5", ("A-100", 100m, "pcs"), ("B-200", 100m, "kg"));

        await _harness.Bus.Publish(Request("REQ-5", "ORD-5"));
        await _harness.Bus.Publish(Request("REQ-5", "ORD-5"));

        (await _saga.Exists(MaterialRequestIds.ForRequest("REQ-5"), m => m.Picking)).ShouldNotBeNull();
        await _harness.InactivityTask;
        _harness.Consumed.Select<MaterialRequested>().Count().ShouldBe(2);
        _harness.Published.Select<PickOrderIssued>().Count().ShouldBe(1);
    }

    /// <summary>What was published of a type, once at least one is there (the outbox delivers after the saga commits).</summary>
    private async Task<IReadOnlyList<T>> PublishedAsync<T>() where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!_harness.Published.Select<T>().Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return _harness.Published.Select<T>().Select(m => m.Context.Message).ToList();
    }

    private async Task SeedAsync(string? orderId, params (string Material, decimal Quantity, string Unit)[] stock)
    {
        if (orderId is not null)
        {
            await _provider.GetRequiredService<IProductionOrderStore>().SaveAsync(Order(orderId), default);
        }

        var view = _provider.GetRequiredService<IStockView>();
        foreach (var (material, quantity, unit) in stock)
        {
            await view.ApplyAsync(StockLevel(material, quantity, unit).Record, Reported, default);
        }
    }
}
