using System.Text.Json.Nodes;
using Spectre.Console;

namespace Bridge.Host.Demo;

/// <summary>
/// Demo scenario 3, sourcing across two sites: order 1004803 of plant BER needs cable that WH-A (Berlin) has too little
/// of; WH-B (Munich, 6 h away) has it and the line needs it in 9 h. Bridge reserves at both, orders the transfer from the
/// simulated TMS, which reports picked up, in transit and delivered; the pick then goes to WH-A (with the delivered lot
/// in the transfer's inbound bin) and the request completes. Succeeds only with exactly one transfer order and Completed.
/// </summary>
internal static class TwoSiteScenario
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static async Task<(bool Passed, JsonNode? Request)> RunAsync(
        TimeProvider time, HttpClient viewer, Timeline timeline, SimulatedSystems simulated, SimulatedWarehouse wms,
        Func<string, string, string, string, string, Task> post, Func<Task> pick, Func<Task> expectDelivery)
    {
        AnsiConsole.Write(new Rule("[bold]request 3: order 1004803 in Berlin; most of its cable lies in Munich — a transfer through the TMS[/]").LeftJustified());
        await post("erp", "production-order", DemoPayloads.ProductionOrder("000001004803", 10), "demo-erp", "application/json");
        await post("wms-a", "inventory", wms.Put("100-A", "A-01-07", "L2611-12", 20, "PCE"), "demo-wms", "application/json");
        await post("wms-a", "inventory", wms.Put("200-A", "B-02-06", "L2611-13", 2, "KGM"), "demo-wms", "application/json");
        await post("wms-b", "inventory-export", DemoPayloads.SiteBStock("B-300", "L2611-32", "K-07-02", 100, "M"), "demo-wms-b", "text/csv");
        await post("mes", "material-request", DemoPayloads.MaterialRequest("MR-DEMO-3", "1004803", 10, time.GetUtcNow().AddHours(9)), "demo-mes", "application/json");

        var order = await simulated.NextAsync("tms", Wait);
        var shipment = JsonNode.Parse(order.Body)!;
        var transferOrderId = (string)shipment["shipmentRef"]!;
        timeline.Step("tms", $"← shipment order {order.Path}: {shipment["pickup"]!["depot"]} → {shipment["delivery"]!["depot"]}, "
            + string.Join(", ", shipment["items"]!.AsArray().Select(i => $"{i!["article"]} {i["quantity"]} {i["uom"]} lot {i["batch"]}")), "magenta");
        var request = JsonNode.Parse(await viewer.GetStringAsync("/api/material-requests/MR-DEMO-3"))!;
        foreach (var reason in request["sourcing"]!.AsArray().SelectMany(s => s!["reasons"]!.AsArray().Select(r => $"{s["material"]}: {r}")))
        {
            timeline.Step("sourcing", reason, "white");
        }

        var at = time.GetUtcNow();
        var events = new[] { ("PICKED_UP", 0), ("IN_TRANSIT", 1), ("DELIVERED", 2) };
        foreach (var (code, n) in events)
        {
            await post("tms", "transport-status", DemoPayloads.TransportEvent($"EV-DEMO-{n + 1}", transferOrderId, "MR-DEMO-3", code, at.AddSeconds(n)), "demo-tms", "application/json");
        }

        await pick();
        await expectDelivery();
        request = JsonNode.Parse(await viewer.GetStringAsync("/api/material-requests/MR-DEMO-3"))!;
        var oneTransfer = request["transfers"]!.AsArray().Count == 1;
        var noSecondOrder = false;
        try
        {
            await simulated.NextAsync("tms", TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException)
        {
            noSecondOrder = true;
        }

        return ((string?)request["state"] == "Completed" && oneTransfer && noSecondOrder, request);
    }
}
