using System.Text.Json.Nodes;
using Bridge.Adapters.Envelopes;
using Bridge.Host.Processes.Replenishment;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Spectre.Console;

namespace Bridge.Host.Demo;

/// <summary>
/// Demo scenario 2, a line running: a PLC counter consumes parts at L1-ST03 (min-max) and a bin sensor reports the fill
/// of L1-ST04 (two-bin), chattering around the reorder point. Each location reaches its reorder point, one request each
/// goes to the WMS of site B, the WMS fulfils, both locations are stocked again. Succeeds only with exactly one request
/// per location and both fulfilled.
/// </summary>
internal static class LineSideScenario
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static async Task<(bool Passed, IReadOnlyList<JsonNode> Locations)> RunAsync(
        IServiceProvider services, HttpClient http, HttpClient viewer, Timeline timeline, SimulatedSystems simulated, CancellationToken ct)
    {
        AnsiConsole.Write(new Rule("[bold]line L1: a parts counter and a bin sensor keep two line-side locations stocked[/]").LeftJustified());
        var signals = new SimulatedLineSignals(services.GetRequiredService<IEnvelopeSink>(), services.GetRequiredService<TimeProvider>());

        // The material requests before delivered to L1-ST03 too: its level starts from what they brought.
        var start = await UntilAsync(viewer, "L1-ST03", v => v["signals"]!.GetValue<long>() >= 2);
        var level = (int)start["quantity"]!.GetValue<decimal>();
        timeline.Step("line", $"L1-ST03 holds {level} pcs after the deliveries of the material requests; reorder point {start["reorderPoint"]}", "white");
        var used = level - 15;
        foreach (var parts in new[] { used / 4, used / 4, used / 4, used - (3 * (used / 4)) })
        {
            Expect(await signals.CountAsync("L1", "ST03", "A-100", parts, ct));
            timeline.Step("plc", $"→ counter L1.ST03.A-100.Consumed +{parts}", "blue");
        }

        foreach (var percent in new[] { 90m, 70m, 52m, 48m, 51m, 49m, 50m, 47m })
        {
            Expect(await signals.FillAsync("L1", "L1-ST04", percent, ct));
            timeline.Step("sensors", $"→ plant/demo/line/L1/bin/L1-ST04/level {percent} %", "blue");
        }

        var requests = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            var call = await simulated.NextAsync("wms-b", Wait);
            var row = call.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(';');
            timeline.Step("wms-b", $"← replenishment {call.Path}: {row[2]} {row[3]} {row[4]} to {row[1]}", "magenta");
            requests[row[1]] = row[0];
            await FulfilAsync(http, timeline, row[0], row[1], row[2], row[3], row[4]);
        }

        var locations = new List<JsonNode>();
        foreach (var location in new[] { "L1-ST03", "L1-ST04" })
            locations.Add(await UntilAsync(viewer, location, v => (string?)v["state"] == "Watching" && v["openRequest"] is null));

        // Anything more at the WMS would be a second request for a location: the chattering sensor must not cause one.
        var extra = await TryNextAsync(simulated);
        if (extra is not null)
            timeline.Step("wms-b", $"← unexpected second request {extra.Path}", "red");
        var reader = services.GetRequiredService<ISagaStateReader<ReplenishmentState>>();
        var issued = 0;
        foreach (var location in new[] { "L1-ST03", "L1-ST04" })
            issued += (await reader.FindAsync(ReplenishmentIds.ForLocation(location), ct))?.Issued ?? 0;
        var passed = requests.Count == 2 && issued == 2 && extra is null
            && locations.All(l => (string?)l["state"] == "Watching" && l["openRequest"] is null);
        return (passed, locations);
    }

    private static async Task FulfilAsync(HttpClient http, Timeline timeline, string id, string location, string material, string quantity, string unit)
    {
        var body = new JsonObject
        {
            ["auftrag"] = id,
            ["zielplatz"] = location,
            ["erledigt"] = "2026-11-22T15:41:07Z",
            ["positionen"] = new JsonArray(new JsonObject { ["artikel"] = material, ["menge"] = JsonValue.Create(decimal.Parse(quantity.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture)), ["me"] = unit, ["charge"] = "L2611-21" }),
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/wms-b/replenishment-confirmation")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "demo-wms-b");
        using var response = await http.SendAsync(request);
        timeline.Step("wms-b", $"→ POST /api/inbound/wms-b/replenishment-confirmation {id}: {(int)response.StatusCode}", response.IsSuccessStatusCode ? "blue" : "red");
    }

    private static async Task<JsonNode> UntilAsync(HttpClient http, string location, Func<JsonNode, bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var view = JsonNode.Parse(await http.GetStringAsync($"/api/line-side/{location}"))!;
            if (condition(view) || clock.Elapsed > Wait)
                return view;
            await Task.Delay(20);
        }
    }

    private static async Task<ReceivedCall?> TryNextAsync(SimulatedSystems simulated)
    {
        try
        {
            return await simulated.NextAsync("wms-b", TimeSpan.FromMilliseconds(300));
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static void Expect(EnvelopeReceipt receipt)
    {
        if (!receipt.Accepted)
            throw new TimeoutException($"Bridge refused a line signal: {receipt.Reason}");
    }
}
