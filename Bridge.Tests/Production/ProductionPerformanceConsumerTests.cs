using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.Genealogy;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Tests.Orchestration.MaterialRequests;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Production;

/// <summary>
/// Issue 10, backflush and genealogy on the bus (MassTransit's harness, production registration, embedded stores): a
/// production report becomes a consumption and a completion for ERP and a genealogy record; a report handled twice
/// is recorded once and posted with the same message ids; a report naming no product of a known order is dead-lettered.
/// </summary>
public sealed class ProductionPerformanceConsumerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 24, 10, 30, 0, TimeSpan.Zero);
    private MaterialRequestHarness _host = null!;

    public async Task InitializeAsync() => _host = await MaterialRequestHarness.StartAsync("00:10:00", "00:10:00");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Report_PostsConsumptionAndCompletionToErp_AndRecordsTheLots()
    {
        await _host.Provider.GetRequiredService<IProductionOrderStore>().SaveAsync(MaterialRequestScenario.Order("1004711") with { Plant = "BER" }, default);
        var report = Report("1004711") with { Material = null, Plant = null };

        await _host.Bus.Bus.Publish(report);

        var consumption = (await PublishedAsync<ConsumptionPosted>(1)).Single();
        consumption.OrderId.ShouldBe("1004711");
        consumption.Plant.ShouldBe("BER");
        consumption.ReportId.ShouldBe(report.MessageId.ToString());
        consumption.Lines.Select(l => (l.Material, l.Quantity, l.Lot, l.Warehouse)).ShouldBe([("A-100", 97m, "L2611-07", "WH-A"), ("C-420", 384m, "L2610-31", "WH-B")]);
        var completion = (await PublishedAsync<ProductionCompleted>(1)).Single();
        completion.ShouldSatisfyAllConditions(
            c => c.Material.ShouldBe("FG-1"),
            c => c.Quantity.ShouldBe(48m),
            c => c.Lot.ShouldBe("FG-2611-0042"));
        await using var scope = _host.Provider.CreateAsyncScope();
        var order = await scope.ServiceProvider.GetRequiredService<GenealogyTrace>().ForOrderAsync("1004711", default);
        order.ShouldNotBeNull().Consumed.Single(i => i.Material == "A-100").SupplierLot.ShouldBe("SUP-88121");
        order.Produced.Single().Lot.ShouldBe("FG-2611-0042");
    }

    [Fact]
    public async Task SameReportTwice_IsRecordedOnce_AndPostedWithTheSameIds()
    {
        var report = Report("1004712");

        await _host.Bus.Bus.Publish(report);
        await _host.Bus.Bus.Publish(report);

        var postings = await PublishedAsync<ConsumptionPosted>(2);
        postings.Select(p => p.MessageId).Distinct().ShouldHaveSingleItem();
        (await PublishedAsync<ProductionCompleted>(2)).Select(p => p.MessageId).Distinct().ShouldHaveSingleItem();
        (await _host.Provider.GetRequiredService<IGenealogyStore>().FindByOrderAsync("1004712", default)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ReportWithoutProduct_ForAnUnknownOrder_IsDeadLetteredWithTheReason()
    {
        await _host.Bus.Bus.Publish(Report("UNKNOWN-9") with { Material = null });

        var letters = _host.Provider.GetRequiredService<IDeadLetterStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<DeadLetter> found = [];
        while (found.Count == 0 && DateTime.UtcNow < deadline)
        {
            found = await letters.ListAsync(10, false, default);
            await Task.Delay(25);
        }

        found.ShouldHaveSingleItem().Reason.ShouldContain("names no product and the order is not known");
        _host.Bus.Published.Select<ConsumptionPosted>().ShouldBeEmpty();
    }

    internal static ProductionPerformanceReported Report(string orderId) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = orderId,
        Source = "mes",
        OccurredAt = Reported,
        OrderId = orderId,
        Plant = "BER",
        Material = "P-500",
        ProducedLot = "FG-2611-0042",
        ProducedQuantity = 48m,
        Unit = "pcs",
        Consumed =
        [
            new MaterialLine { Material = "A-100", Quantity = 97m, Unit = "pcs", Lot = "L2611-07", Warehouse = "WH-A", SupplierLot = "SUP-88121" },
            new MaterialLine { Material = "C-420", Quantity = 384m, Unit = "pcs", Lot = "L2610-31", Warehouse = "WH-B" },
        ],
    };

    private async Task<IReadOnlyList<T>> PublishedAsync<T>(int count) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_host.Bus.Published.Select<T>().Count() < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        return _host.Bus.Published.Select<T>().Select(m => m.Context.Message).ToList();
    }
}
