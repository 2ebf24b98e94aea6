using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.Projections;
using Bridge.Host.Domain.Stock;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Orchestration.MaterialRequests.MaterialRequestScenario;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>
/// Issue 13 on the saga (embedded stores, MassTransit's harness): requirements merged, waits for every short
/// material, every end released and told to MES, open picks cancelled at the WMS, bad quantities rejected with a
/// reason, unmatched pick reports dead-lettered.
/// </summary>
public sealed class MaterialRequestEndingsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Reported = new(2020, 1, 6, 8, 0, 0, TimeSpan.Zero);
    private MaterialRequestHarness _host = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private ISagaStateMachineTestHarness<MaterialRequestStateMachine, MaterialRequestState> _saga = null!;

    public async Task InitializeAsync()
    {
        _host = await MaterialRequestHarness.StartAsync(stockWaitTimeout: "00:10:00", pickTimeout: "00:00:03");
        (_provider, _harness, _saga) = (_host.Provider, _host.Bus, _host.Saga);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MaterialListedTwice_CountsItsStockOnce()
    {
        await StockAsync(("A-100", 15m, "pcs", "WH-A"));

        await _harness.Bus.Publish(Request("REQ-E1", "ORD-E1") with
        {
            Lines = [Line("A-100", 10m), Line("A-100", 10m)],
        });

        await StateAsync("REQ-E1", m => m.WaitingForStock);
        var kit = (await PublishedAsync<KitChecked>()).Single();
        kit.Lines.Single().ShouldSatisfyAllConditions(l => l.Required.ShouldBe(20m), l => l.Shortage.ShouldBe(5m));
        _harness.Published.Select<PickOrderIssued>().ShouldBeEmpty();
    }

    [Fact]
    public async Task RecheckShortOfAnotherMaterial_WaitsForThatMaterialToo()
    {
        await OrderAsync("ORD-E2");
        await StockAsync(("A-100", 20m, "pcs", "WH-A"));
        await _harness.Bus.Publish(Request("REQ-E2", "ORD-E2"));
        await StateAsync("REQ-E2", m => m.WaitingForStock);

        // A-100 is taken elsewhere, then B-200 arrives: the re-check is now short of A-100 only.
        await _provider.GetRequiredService<IStockView>().ApplyAsync(StockLevel("A-100", 0m, "pcs").Record, Reported.AddMinutes(1), default);
        await _harness.Bus.Publish(StockLevel("B-200", 6m, "kg"));
        await UntilAsync("REQ-E2", s => s.WaitingFor.SequenceEqual(["A-100"]));

        await _harness.Bus.Publish(StockLevel("A-100", 20m, "pcs"));

        await StateAsync("REQ-E2", m => m.Picking);
    }

    [Fact]
    public async Task PickTimeout_CancelsThePickAtTheWms_ReleasesTheStock_AndTellsMes()
    {
        await OrderAsync("ORD-E3");
        await StockAsync(("A-100", 20m, "pcs", "WH-A"), ("B-200", 6m, "kg", "WH-A"));

        await _harness.Bus.Publish(Request("REQ-E3", "ORD-E3"));

        await StateAsync("REQ-E3", m => m.Failed, TimeSpan.FromSeconds(20));
        var pick = (await PublishedAsync<PickOrderIssued>()).Single();
        (await PublishedAsync<PickOrderCancelled>()).Single().PickOrderId.ShouldBe(pick.PickOrderId);
        var failed = (await PublishedAsync<MaterialRequestFailed>()).Single();
        failed.State.ShouldBe("Failed");
        failed.Reason.ShouldContain("did not confirm");
        (await Stock().ListReservationsAsync(default)).ShouldBeEmpty();
        (await Stock().GetAvailableAsync(["A-100"], default))["A-100"].Sum(s => s.Quantity).ShouldBe(20m);
    }

    [Fact]
    public async Task PickFailed_CancelsTheOtherOpenPick_ReleasesAndTellsMes()
    {
        await OrderAsync("ORD-E4");
        await StockAsync(("A-100", 20m, "pcs", "WH-A"), ("B-200", 6m, "kg", "WH-B"));
        await _harness.Bus.Publish(Request("REQ-E4", "ORD-E4"));
        await StateAsync("REQ-E4", m => m.Picking);
        var picks = await UntilPublishedAsync<PickOrderIssued>(2);

        await _harness.Bus.Publish(new PickFailed
        {
            MessageId = NewId.NextGuid(), CorrelationId = picks[0].PickOrderId, Source = "wms-a", OccurredAt = DateTimeOffset.UtcNow,
            PickOrderId = picks[0].PickOrderId, Reason = "bin empty",
        });

        await StateAsync("REQ-E4", m => m.Failed);
        (await PublishedAsync<PickOrderCancelled>()).Single().PickOrderId.ShouldBe(picks[1].PickOrderId);
        (await PublishedAsync<MaterialRequestFailed>()).Single().Reason.ShouldContain("bin empty");
        (await Stock().ListReservationsAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RejectedRequest_IsToldToMes()
    {
        await _provider.GetRequiredService<IProductionOrderStore>().SaveAsync(Order("ORD-E5") with { Bom = [] }, default);

        await _harness.Bus.Publish(Request("REQ-E5", "ORD-E5"));

        await StateAsync("REQ-E5", m => m.Rejected);
        var failed = (await PublishedAsync<MaterialRequestFailed>()).Single();
        failed.State.ShouldBe("Rejected");
        failed.Reason.ShouldContain("no BOM lines");
    }

    [Theory]
    [InlineData("negative line", "-5", null, "must be positive")]
    [InlineData("zero order quantity", null, "0", "must be positive, was 0")]
    [InlineData("order quantity beyond decimal", null, "79228162514264337593543950335", "more of its components than Bridge can count")]
    public async Task UnusableQuantity_IsRejectedWithAReason_NotAFault(string name, string? lineQuantity, string? orderQuantity, string reason)
    {
        await OrderAsync("ORD-E6");
        await StockAsync(("A-100", 20m, "pcs", "WH-A"), ("B-200", 6m, "kg", "WH-A"));
        var request = Request("REQ-E6-" + name.Replace(' ', '-'), "ORD-E6") with
        {
            Lines = lineQuantity is null ? [] : [Line("A-100", decimal.Parse(lineQuantity, System.Globalization.CultureInfo.InvariantCulture))],
            OrderQuantity = orderQuantity is null ? null : decimal.Parse(orderQuantity, System.Globalization.CultureInfo.InvariantCulture),
        };

        await _harness.Bus.Publish(request);

        var state = await StateAsync(request.RequestId, m => m.Rejected);
        state.FailureReason.ShouldNotBeNull().ShouldContain(reason);
        state.FailureReason.ShouldNotContain("Parameter");
        _harness.Published.Select<PickOrderIssued>().ShouldBeEmpty();
        (await _harness.Published.Any<Fault<MaterialRequested>>()).ShouldBeFalse();
    }

    [Fact]
    public async Task StockBeyondDecimal_RejectsTheRequestWithAReason()
    {
        await OrderAsync("ORD-E7");
        await StockAsync(("A-100", decimal.MaxValue, "pcs", "WH-A"), ("A-100", decimal.MaxValue, "pcs", "WH-B"), ("B-200", 6m, "kg", "WH-A"));

        await _harness.Bus.Publish(Request("REQ-E7", "ORD-E7"));

        (await StateAsync("REQ-E7", m => m.Rejected)).FailureReason.ShouldNotBeNull().ShouldContain("more than Bridge can count");
    }

    [Fact]
    public async Task PickConfirmedForNoPickOfOurs_IsDeadLetteredWithAReason()
    {
        var stray = new PickConfirmed
        {
            MessageId = NewId.NextGuid(), CorrelationId = "PO-2026-000123", Source = "wms-a", OccurredAt = DateTimeOffset.UtcNow,
            PickOrderId = "PO-2026-000123", Lines = [Line("A-100", 5m)],
        };

        await _harness.Bus.Publish(stray);

        var letters = _provider.GetRequiredService<IDeadLetterStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<DeadLetter> found = [];
        while (found.Count == 0 && DateTime.UtcNow < deadline)
        {
            found = await letters.ListAsync(10, false, default);
            await Task.Delay(25);
        }

        var letter = found.ShouldHaveSingleItem();
        letter.System.ShouldBe("wms-a");
        letter.MessageType.ShouldBe("PickConfirmed");
        letter.Reason.ShouldContain("PO-2026-000123");
        (await _harness.Published.Any<Fault<PickConfirmed>>()).ShouldBeFalse();
    }

    private static MaterialLine Line(string material, decimal quantity) => new() { Material = material, Quantity = quantity, Unit = "pcs" };

    private IStockView Stock() => _provider.GetRequiredService<IStockView>();

    private Task OrderAsync(string orderId) => _provider.GetRequiredService<IProductionOrderStore>().SaveAsync(Order(orderId), default);

    private async Task StockAsync(params (string Material, decimal Quantity, string Unit, string Warehouse)[] stock)
    {
        foreach (var (material, quantity, unit, warehouse) in stock)
        {
            await Stock().ApplyAsync(StockLevel(material, quantity, unit, warehouse).Record, Reported, default);
        }
    }

    private async Task<MaterialRequestState> StateAsync(string requestId, Func<MaterialRequestStateMachine, MassTransit.State> state, TimeSpan? timeout = null)
    {
        var id = MaterialRequestIds.ForRequest(requestId);
        (await _saga.Exists(id, state, timeout ?? TimeSpan.FromSeconds(10))).ShouldNotBeNull($"{requestId} did not reach the state");
        return _saga.Sagas.ContainsInState(id, _saga.StateMachine, state).ShouldNotBeNull();
    }

    private async Task UntilAsync(string requestId, Func<MaterialRequestState, bool> condition)
    {
        var id = MaterialRequestIds.ForRequest(requestId);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(_saga.Sagas.Contains(id) is { } s && condition(s)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        _saga.Sagas.Contains(id).ShouldNotBeNull().ShouldSatisfyAllConditions(s => condition(s).ShouldBeTrue());
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
