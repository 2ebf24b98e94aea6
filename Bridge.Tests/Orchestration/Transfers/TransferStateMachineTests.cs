using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Processes.Transfers;
using Bridge.Host.Processes.Transfers.Messages;
using Bridge.Tests.Orchestration.MaterialRequests;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Orchestration.Transfers.TransferScenario;

namespace Bridge.Tests.Orchestration.Transfers;

/// <summary>The transfer saga on its own: statuses late, twice, out of order or unknown; nothing after the end changes it.</summary>
public sealed class TransferStateMachineTests : IAsyncLifetime
{
    private MaterialRequestHarness _host = null!;
    private ITestHarness _bus = null!;
    private ISagaStateMachineTestHarness<TransferStateMachine, TransferState> _transfers = null!;

    public async Task InitializeAsync()
    {
        _host = await MaterialRequestHarness.StartAsync("00:10:00", "00:10:00", services: services => services.AddSingleton(Sites));
        _bus = _host.Bus;
        _transfers = _bus.GetSagaStateMachineHarness<TransferStateMachine, TransferState>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DeliveredBeforeInTransit_Delivers_ThenLateAndRepeatedStatusesChangeNothing()
    {
        var line = await HoldAtSourceAsync("REQ-T1", 20m);
        await StartAsync("TO-T1", "REQ-T1", line);

        await ReportAsync("TO-T1", "delivered");
        await InStateAsync("TO-T1", m => m.Delivered);
        await ReportAsync("TO-T1", "In Transit");
        await ReportAsync("TO-T1", "DELIVERED");
        await ReportAsync("TO-T1", "dispatched");
        await ReportAsync("TO-T1", "failed");

        var state = await InStateAsync("TO-T1", m => m.Delivered, s => s.History.Count(h => h.Step == "late-status") == 4);
        state.CurrentState.ShouldBe("Delivered");
        (await _bus.Published.Any<TransferDelivered>()).ShouldBeTrue();
        _bus.Published.Select<TransferDelivered>().Count().ShouldBe(1);
        _bus.Published.Select<TransferFailed>().ShouldBeEmpty();
        // The stock moved once: 20 at the destination, none left at the source.
        var stock = await _host.Provider.GetRequiredService<IStockView>().ListAsync("A-100", default);
        stock.Select(e => (e.Warehouse, e.Location, e.Quantity)).ShouldBe([("WH-A", "TO-T1", 20m)]);
    }

    [Fact]
    public async Task Progress_DispatchedThenInTransit_DuplicatesRecordedOnly()
    {
        await StartAsync("TO-T2", "REQ-T2", await HoldAtSourceAsync("REQ-T2", 5m));

        await ReportAsync("TO-T2", "dispatched");
        await InStateAsync("TO-T2", m => m.Dispatched);
        await ReportAsync("TO-T2", "in-transit");
        await InStateAsync("TO-T2", m => m.InTransit);
        await ReportAsync("TO-T2", "in_transit");
        await ReportAsync("TO-T2", "dispatched");

        var state = await InStateAsync("TO-T2", m => m.InTransit, s => s.History.Count(h => h.Step == "late-status") == 2);
        state.History.Select(h => h.Step).ShouldBe(["ordered", "dispatched", "in-transit", "late-status", "late-status"]);
    }

    [Fact]
    public async Task UnknownStatusWord_AndUnknownTransferOrder_AreDeadLetteredWithTheReason()
    {
        await StartAsync("TO-T3", "REQ-T3", await HoldAtSourceAsync("REQ-T3", 5m));

        await ReportAsync("TO-T3", "weather delay");
        await _bus.Bus.Publish(Status("TO-NOBODY", "delivered"));

        var letters = await DeadLettersAsync(2);
        letters.ShouldContain(l => l.Reason == "transfer order TO-T3: unknown transport status 'weather delay' (expected dispatched, in-transit, delivered or failed)");
        letters.ShouldContain(l => l.Reason == "no transfer order TO-NOBODY was ordered by Bridge");
        (await InStateAsync("TO-T3", m => m.Ordered)).CurrentState.ShouldBe("Ordered");
    }

    [Fact]
    public async Task CancelBeforeTheRequest_EndsCancelled_TheLateRequestOrdersNothing()
    {
        await _bus.Bus.Publish(new TransferCancellationRequested("TO-T4", "REQ-T4", "ORD-T4", "order changed"));
        await InStateAsync("TO-T4", m => m.Cancelled);

        await _bus.Bus.Publish(new TransferRequested("TO-T4", "REQ-T4", "WH-B", "WH-A", [await HoldAtSourceAsync("REQ-T4", 5m)]));

        var state = await InStateAsync("TO-T4", m => m.Cancelled, s => s.History.Any(h => h.Step == "not-ordered"));
        state.History.Select(h => h.Step).ShouldBe(["cancelled", "not-ordered"]);
        (await _bus.Published.Any<TransferOrderIssued>(m => m.Context.Message.TransferOrderId == "TO-T4")).ShouldBeFalse();
        (await _bus.Published.Any<TransferOrderCancelled>(m => m.Context.Message.TransferOrderId == "TO-T4")).ShouldBeFalse();
    }

    [Fact]
    public async Task CancelAfterFailure_IsRecordedOnly_NothingToTheTms()
    {
        await StartAsync("TO-T5", "REQ-T5", await HoldAtSourceAsync("REQ-T5", 5m));
        await ReportAsync("TO-T5", "failed");
        await InStateAsync("TO-T5", m => m.Failed);

        await _bus.Bus.Publish(new TransferCancellationRequested("TO-T5", "REQ-T5", "ORD-T5", "order cancelled"));

        var state = await InStateAsync("TO-T5", m => m.Failed, s => s.History.Any(h => h.Step == "cancel-ignored"));
        state.History.Last().Detail.ShouldBe("order cancelled; the transfer already ended Failed. Nothing is on its way.");
        (await _bus.Published.Any<TransferOrderCancelled>(m => m.Context.Message.TransferOrderId == "TO-T5")).ShouldBeFalse();
    }

    [Fact]
    public async Task CancelWhileOrdered_TellsTheTmsOnce_AndTheDeliveryTimeoutNoLongerFires()
    {
        await StartAsync("TO-T6", "REQ-T6", await HoldAtSourceAsync("REQ-T6", 5m));

        await _bus.Bus.Publish(new TransferCancellationRequested("TO-T6", "REQ-T6", "ORD-T6", "order cancelled"));
        await _bus.Bus.Publish(new TransferCancellationRequested("TO-T6", "REQ-T6", "ORD-T6", "order cancelled"));

        var state = await InStateAsync("TO-T6", m => m.Cancelled, s => s.History.Any(h => h.Step == "cancel-ignored"));
        state.DeliveryTimeoutTokenId.ShouldBeNull();
        var told = _bus.Published.Select<TransferOrderCancelled>().Where(m => m.Context.Message.TransferOrderId == "TO-T6").ToList();
        told.Count.ShouldBe(1);
        told.Single().Context.Message.Reason.ShouldBe("order cancelled");
    }

    private async Task<MaterialLine> HoldAtSourceAsync(string requestId, decimal quantity)
    {
        var view = _host.Provider.GetRequiredService<IStockView>();
        await view.ApplyAsync(StockAt("WH-B", quantity, lot: "LB", location: "B-01"), DateTimeOffset.UnixEpoch, default);
        var held = await view.ReserveAsync(requestId, ["A-100"], available => [new MaterialLine
        {
            Material = "A-100", Quantity = quantity, Unit = "pcs", Warehouse = "WH-B", Lot = "LB", Location = "B-01",
        }], default);
        return held.ShouldNotBeNull().Single();
    }

    private async Task StartAsync(string transferOrderId, string requestId, MaterialLine line)
    {
        await _bus.Bus.Publish(new TransferRequested(transferOrderId, requestId, "WH-B", "WH-A", [line]));
        (await _bus.Published.Any<TransferOrderIssued>(m => m.Context.Message.TransferOrderId == transferOrderId)).ShouldBeTrue();
        await InStateAsync(transferOrderId, m => m.Ordered);
    }

    private async Task ReportAsync(string transferOrderId, string status) => await _bus.Bus.Publish(Status(transferOrderId, status));

    private async Task<TransferState> InStateAsync(string transferOrderId, Func<TransferStateMachine, MassTransit.State> state, Func<TransferState, bool>? also = null)
    {
        var id = TransferIds.ForTransferOrder(transferOrderId);
        (await _transfers.Exists(id, state, TimeSpan.FromSeconds(20))).ShouldNotBeNull($"{transferOrderId} never reached the state");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (also is not null && !_transfers.Sagas.Select(x => x.CorrelationId == id && also(x)).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return _transfers.Sagas.Select(x => x.CorrelationId == id && (also is null || also(x))).FirstOrDefault()?.Saga
            .ShouldNotBeNull($"{transferOrderId}: " + string.Join("; ", _transfers.Sagas.Select(x => x.CorrelationId == id).FirstOrDefault()?.Saga.History.Select(h => h.Step) ?? []))!;
    }

    private async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(int count)
    {
        var store = _host.Provider.GetRequiredService<IDeadLetterStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<DeadLetter> letters = [];
        while ((letters = await store.ListAsync(100, true, default)).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return letters;
    }
}
