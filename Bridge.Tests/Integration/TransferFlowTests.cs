using System.Text.Json.Nodes;
using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using Npgsql;
using static Bridge.Tests.Integration.InboundCalls;

namespace Bridge.Tests.Integration;

/// <summary>
/// A material request sourced across two sites on the real stack (RabbitMQ + PostgreSQL, production mode): the
/// plant's warehouse WH-A has the housings, the cable and paste lie only at site MUC (WH-B) → one transfer order to a
/// TMS receiver → the TMS reports picked up and delivered → one pick list at WH-A → confirmation → Completed; and the
/// order cancelled while the transfer travels → the TMS gets the cancellation, the late delivery is ignored.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TransferFlowTests() : RealStackTest("transfer", "mes", "wms-a", "tms")
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SimulatedWarehouse _wms = new();

    [Fact]
    public async Task StockAtTheOtherSite_OneTransferOrderToTheTms_DeliveredThenPickedAtTheDestination_Completes()
    {
        if (Receivers is null)
        {
            return;
        }

        await using var host = await StartHostAsync();
        await SeedAsync(host);

        await Accepted(host.PostAsync("mes", "material-request", DemoPayloads.MaterialRequest("MR-IT-T1", "1005101", 10, DateTimeOffset.UtcNow.AddHours(9))));

        var order = await Receivers!.NextAsync("tms", Wait);
        order.Path.ShouldStartWith("/tms/api/v1/shipments/TO-");
        order.IdempotencyKey.ShouldNotBeNullOrEmpty();
        var shipment = JsonNode.Parse(order.Body)!;
        ((string)shipment["pickup"]!["depot"]!, (string)shipment["delivery"]!["depot"]!).ShouldBe(("DEP-MUC-02", "DEP-BER-01"));
        shipment["items"]!.AsArray().Select(i => ((string)i!["article"]!, i["quantity"]!.GetValue<decimal>(), (string)i["uom"]!))
            .ShouldBe([("A-200", 1.25m, "KGM"), ("B-300", 7.725m, "MTR")]);
        var transferOrderId = (string)shipment["shipmentRef"]!;
        var view = JsonNode.Parse(await host.Client.GetStringAsync("/api/material-requests/MR-IT-T1"))!;
        ((string)view["state"]!).ShouldBe("WaitingForTransfer");
        view["sourcing"]!.AsArray().Select(s => (string)s!["reasons"]![0]!).ShouldBe([
            "WH-A: 20 of 20 pcs, own warehouse of BER",
            "WH-B: 1250 of 1250 g, lead time 6 h ≤ needed-by 9 h, cost 120",
            "WH-B: 7.725 of 7.725 m, lead time 6 h ≤ needed-by 9 h, cost 120",
        ]);

        var now = DateTimeOffset.UtcNow;
        await Accepted(host.PostAsync("tms", "transport-status", DemoPayloads.TransportEvent("EV-1", transferOrderId, "MR-IT-T1", "PICKED_UP", now), key: "it-tms-key"));
        await Accepted(host.PostAsync("tms", "transport-status", DemoPayloads.TransportEvent("EV-2", transferOrderId, "MR-IT-T1", "DELIVERED", now.AddSeconds(1)), key: "it-tms-key"));
        // The TMS repeats its proof of delivery: nothing changes.
        await Accepted(host.PostAsync("tms", "transport-status", DemoPayloads.TransportEvent("EV-3", transferOrderId, "MR-IT-T1", "POD", now.AddSeconds(2)), key: "it-tms-key"));

        var pickList = await Receivers.NextAsync("wms-a", Wait);
        var positions = JsonNode.Parse(pickList.Body)!["positions"]!.AsArray();
        positions.Select(p => ((string)p!["sku"]!, p["qty"]!.GetValue<decimal>(), (string?)p["fromBin"]))
            .ShouldBe([("100-A", 20m, "A-01-03"), ("200-A", 1.25m, transferOrderId), ("300-B", 7.725m, transferOrderId)]);
        await Accepted(host.PostAsync("wms-a", "pick-confirmation", _wms.Confirm(pickList.Body).Confirmation));

        var delivery = await Receivers.NextAsync("mes", Wait);
        delivery.Path.ShouldBe("/mes/api/material-requests/MR-IT-T1/deliveries");
        (await StoredStateAsync("saga_material_request_state", "MR-IT-T1")).ShouldBe("Completed");
        (await StoredTransferStateAsync(transferOrderId)).ShouldBe("Delivered");
        // Exactly one transfer order reached the TMS, and no second pick list.
        await Should.ThrowAsync<TimeoutException>(() => Receivers.NextAsync("tms", TimeSpan.FromSeconds(2)));
        await Should.ThrowAsync<TimeoutException>(() => Receivers.NextAsync("wms-a", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task OrderCancelledWhileTheTransferTravels_TheTmsGetsTheCancellation_LateDeliveryIgnored_StockReleased()
    {
        if (Receivers is null)
        {
            return;
        }

        await using var host = await StartHostAsync();
        await SeedAsync(host);
        await Accepted(host.PostAsync("mes", "material-request", DemoPayloads.MaterialRequest("MR-IT-T2", "1005101", 10, DateTimeOffset.UtcNow.AddHours(9))));
        var transferOrderId = (string)JsonNode.Parse((await Receivers.NextAsync("tms", Wait)).Body)!["shipmentRef"]!;
        var now = DateTimeOffset.UtcNow;
        await Accepted(host.PostAsync("tms", "transport-status", DemoPayloads.TransportEvent("EV-1", transferOrderId, "MR-IT-T2", "DEPARTED", now), key: "it-tms-key"));
        await Eventually.HoldsAsync(async () => await StoredTransferStateAsync(transferOrderId) == "InTransit", Wait);

        const string cancel = """{ "orderNo": "000001005101", "cancelledOn": "2026-11-22T08:00:00+01:00", "reasonCode": "CUST" }""";
        await Accepted(host.PostAsync("erp", "production-order-cancelled", cancel));

        var cancellation = await Receivers.NextAsync("tms", Wait);
        cancellation.Path.ShouldBe($"/tms/api/v1/shipments/{transferOrderId}/cancellation");
        var body = JsonNode.Parse(cancellation.Body)!;
        ((string)body["customerRef"]!, (string)body["reason"]!).ShouldBe(("MR-IT-T2", "production order 1005101 was cancelled by erp: customer order withdrawn"));
        var told = JsonNode.Parse((await Receivers.NextAsync("mes", Wait)).Body)!;
        ((string)told["status"]!).ShouldBe("CANCELLED");
        await Eventually.HoldsAsync(async () => await StoredTransferStateAsync(transferOrderId) == "Cancelled", Wait);
        (await StoredStateAsync("saga_material_request_state", "MR-IT-T2")).ShouldBe("Cancelled");
        (await Eventually.ReservationsAsync(Postgres)).ShouldBe(0);

        // The truck arrives anyway, and the TMS confirms its own cancellation: neither changes the cancelled transfer.
        await Accepted(host.PostAsync("tms", "transport-status", DemoPayloads.TransportEvent("EV-2", transferOrderId, "MR-IT-T2", "DELIVERED", now.AddSeconds(1)), key: "it-tms-key"));
        await Accepted(host.PostAsync("tms", "transport-status", DemoPayloads.TransportEvent("EV-3", transferOrderId, "MR-IT-T2", "CANCELLED", now.AddSeconds(2)), key: "it-tms-key"));
        await Eventually.HoldsAsync(async () => await TransferStepsAsync(transferOrderId, "late-status") == 2, Wait);
        (await StoredTransferStateAsync(transferOrderId)).ShouldBe("Cancelled");
        await Should.ThrowAsync<TimeoutException>(() => Receivers.NextAsync("tms", TimeSpan.FromSeconds(2)));
        await Should.ThrowAsync<TimeoutException>(() => Receivers.NextAsync("wms-a", TimeSpan.FromSeconds(1)));
    }

    private async Task<BridgeTestHost> StartHostAsync() =>
        await BridgeTestHost.StartAsync(Rabbit, Postgres, Receivers!, new Dictionary<string, string?>
        {
            ["Bridge:Systems:tms:BaseUrl"] = new Uri(Receivers!.BaseUrl, "/tms").AbsoluteUri,
            ["Bridge:ApiKeys:tms"] = "it-tms-key",
            ["Bridge:ApiKeys:wms-b"] = "it-wms-b-key",
        });

    /// <summary>Order 1005101 at plant BER: housings at WH-A, cable and paste only at site MUC (WH-B).</summary>
    private async Task SeedAsync(BridgeTestHost host)
    {
        await Accepted(host.PostAsync("erp", "production-order", DemoPayloads.ProductionOrder("000001005101", 10)));
        await Accepted(host.PostAsync("wms-a", "inventory", _wms.Put("100-A", "A-01-03", "L2611-07", 100, "PCE")));
        await Accepted(host.PostAsync("wms-b", "inventory-export", DemoPayloads.SiteBStock("A-200", "L2611-31", "K-02-05", 5, "KG"), "text/csv", "it-wms-b-key"));
        await Accepted(host.PostAsync("wms-b", "inventory-export", DemoPayloads.SiteBStock("B-300", "L2611-32", "K-07-02", 100, "M"), "text/csv", "it-wms-b-key"));
        await PlantSeed.WaitForKitAsync(host, "1005101", 10);
    }

    private async Task<long> TransferStepsAsync(string transferOrderId, string step)
    {
        await using var db = NpgsqlDataSource.Create(Postgres);
        await using var command = db.CreateCommand(
            "select count(*) from saga_transfer_state, jsonb_array_elements(state->'History') h where id = @id and h->>'Step' = @step");
        command.Parameters.AddWithValue("id", Bridge.Host.Processes.Transfers.TransferIds.ForTransferOrder(transferOrderId));
        command.Parameters.AddWithValue("step", step);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string?> StoredStateAsync(string table, string requestId)
    {
        await using var db = NpgsqlDataSource.Create(Postgres);
        await using var command = db.CreateCommand($"select state->>'CurrentState' from {table} where id = @id");
        command.Parameters.AddWithValue("id", Bridge.Host.Processes.MaterialRequests.MaterialRequestIds.ForRequest(requestId));
        return await command.ExecuteScalarAsync() as string;
    }

    private async Task<string?> StoredTransferStateAsync(string transferOrderId)
    {
        await using var db = NpgsqlDataSource.Create(Postgres);
        await using var command = db.CreateCommand("select state->>'CurrentState' from saga_transfer_state where id = @id");
        command.Parameters.AddWithValue("id", Bridge.Host.Processes.Transfers.TransferIds.ForTransferOrder(transferOrderId));
        return await command.ExecuteScalarAsync() as string;
    }
}
