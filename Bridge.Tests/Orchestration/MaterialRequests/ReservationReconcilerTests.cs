using Bridge.Contracts.Model;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.Projections;
using Bridge.Tests.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.Orchestration.MaterialRequests;

public sealed class ReservationReconcilerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private sealed class Requests(Dictionary<Guid, MaterialRequestState> states) : ISagaStateReader<MaterialRequestState>
    {
        public Task<MaterialRequestState?> FindAsync(Guid id, CancellationToken ct) => Task.FromResult(states.GetValueOrDefault(id));
    }

    [Fact]
    public async Task ReleasesReservationsOfEndedOrUnknownRequests_KeepsPickingAndYoungOnes_AndReportsWhy()
    {
        var view = new InMemoryStockView(time: new FixedTimeProvider(Now.AddMinutes(-10)));
        await view.ApplyAsync(new InventoryRecord { Warehouse = "WH-A", Material = "A", Location = "R1", Quantity = 100, Unit = "pcs" }, Now.AddHours(-1), default);
        foreach (var id in new[] { "REQ-PICKING", "REQ-TIMEDOUT", "REQ-GONE" })
        {
            await view.ReserveAsync(id, [new MaterialLine { Material = "A", Quantity = 10, Unit = "pcs" }], new HashSet<string>(), default);
        }

        var young = new InMemoryStockView(time: new FixedTimeProvider(Now));
        var states = new Dictionary<Guid, MaterialRequestState>
        {
            [MaterialRequestIds.ForRequest("REQ-PICKING")] = new() { RequestId = "REQ-PICKING", CurrentState = "Picking" },
            [MaterialRequestIds.ForRequest("REQ-TIMEDOUT")] = new() { RequestId = "REQ-TIMEDOUT", CurrentState = "TimedOut" },
        };
        var reconciler = new ReservationReconciler(view, new Requests(states), Options.Create(new MaterialRequestSettings()),
            new FixedTimeProvider(Now), NullLogger<ReservationReconciler>.Instance);

        var report = await reconciler.ReconcileAsync(default);

        report.Checked.ShouldBe(3);
        report.Released.ShouldBe([("REQ-TIMEDOUT", "the request is TimedOut, which holds no stock"), ("REQ-GONE", "no such material request")], ignoreOrder: true);
        (await view.ListReservationsAsync(default)).Select(r => r.ReservationId).ShouldBe(["REQ-PICKING"]);
        (await view.GetAvailableAsync(["A"], default))["A"].Sum(s => s.Quantity).ShouldBe(90m);

        await young.ReserveAsync("REQ-FRESH", [], new HashSet<string>(), default);
        (await new ReservationReconciler(young, new Requests(states), Options.Create(new MaterialRequestSettings()),
            new FixedTimeProvider(Now), NullLogger<ReservationReconciler>.Instance).ReconcileAsync(default)).Released.ShouldBeEmpty();
    }
}
