using System.Net;
using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using static Bridge.Tests.Integration.InboundCalls;

namespace Bridge.Tests.Integration;

/// <summary>
/// Issue 10 on the real stack (HTTP in → RabbitMQ → saga in PostgreSQL → HTTP out): ERP cancels an order while its
/// material request is picking — the WMS gets the pick order's cancellation, MES gets the request's end (CANCELLED),
/// the reservation is released and the request is stored Cancelled; the same cancellation again changes nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OrderCancellationFlowTests() : RealStackTest("cancel", "mes", "wms-a")
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SimulatedWarehouse _wms = new();

    [Fact]
    public async Task OrderCancelledWhilePicking_CancelsThePickAtTheWms_ReleasesStock_AndTellsMes()
    {
        if (Receivers is null)
        {
            return;
        }

        await using var host = await BridgeTestHost.StartAsync(Rabbit, Postgres, Receivers);
        await Accepted(host.PostAsync("erp", "production-order", DemoPayloads.ProductionOrder("000001005101", 20)));
        await Accepted(host.PostAsync("wms-a", "inventory", _wms.Put("100-A", "A-01-03", "L2611-07", 500, "PCE")));
        await Accepted(host.PostAsync("wms-a", "inventory", _wms.Put("200-A", "B-02-01", "L2610-02", 20, "KGM")));
        await Accepted(host.PostAsync("wms-a", "inventory", _wms.Put("300-B", "C-07-11", "", 400, "MTR")));
        await Eventually.HoldsAsync(async () =>
        {
            using var kit = await host.Client.GetAsync("/api/kit/1005101?quantity=20");
            return kit.IsSuccessStatusCode && JsonNode.Parse(await kit.Content.ReadAsStringAsync())!["complete"]!.GetValue<bool>();
        }, Wait);
        await Accepted(host.PostAsync("mes", "material-request", DemoPayloads.MaterialRequest("MR-IT-C1", "1005101", 20)));
        var pickList = await Receivers.NextAsync("wms-a", Wait);
        var pickOrderId = pickList.Path["/api/v2/pick-lists/".Length..];
        (await Eventually.ReservationsAsync(Postgres)).ShouldBe(1);

        const string cancel = """{ "orderNo": "000001005101", "cancelledOn": "2026-11-22T08:00:00+01:00", "reasonCode": "CUST" }""";
        await Accepted(host.PostAsync("erp", "production-order-cancelled", cancel));

        var cancellation = await Receivers.NextAsync("wms-a", Wait);
        cancellation.Path.ShouldBe($"/api/v2/pick-lists/{pickOrderId}/cancellation");
        var told = await Receivers.NextAsync("mes", Wait);
        told.Path.ShouldBe("/mes/api/material-requests/MR-IT-C1/status");
        var status = JsonNode.Parse(told.Body)!;
        ((string)status["status"]!).ShouldBe("CANCELLED");
        ((string)status["reason"]!).ShouldBe("production order 1005101 was cancelled by erp: customer order withdrawn");
        var view = JsonNode.Parse(await host.Client.GetStringAsync("/api/material-requests/MR-IT-C1"))!;
        ((string)view["state"]!).ShouldBe("Cancelled");
        (await Eventually.ReservationsAsync(Postgres)).ShouldBe(0);

        // The same cancellation again is a duplicate at the door; a new one (another time) reaches a request that has ended.
        await Accepted(host.PostAsync("erp", "production-order-cancelled", cancel));
        await Accepted(host.PostAsync("erp", "production-order-cancelled", cancel.Replace("08:00", "09:00", StringComparison.Ordinal)));
        await Should.ThrowAsync<TimeoutException>(() => Receivers.NextAsync("wms-a", TimeSpan.FromSeconds(3)));
        (await Eventually.ReservationsAsync(Postgres)).ShouldBe(0);
    }
}
