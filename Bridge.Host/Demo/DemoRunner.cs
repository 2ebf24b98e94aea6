using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Replenishment;
using Bridge.Host.Processes.Transfers;
using MassTransit;
using Spectre.Console;

namespace Bridge.Host.Demo;

/// <summary>
/// <c>demo</c>: Bridge on the embedded default beside simulated ERP, MES, WMS and TMS. Request 1 is delivered; request 2
/// is short, MES is told the shortage, stock arrives, and it is delivered too; the line-side scenario; request 3 is
/// sourced across two sites with a transfer through the TMS. Exit 0 only if all three completed, the shortage was
/// reported and both scenarios passed.
/// </summary>
public static class DemoRunner
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(CancellationToken ct)
    {
        var timeline = new Timeline();
        AnsiConsole.Write(new Rule("[bold]Bridge demo: material requests on the embedded default[/]").LeftJustified());
        await using var simulated = await SimulatedSystems.StartAsync("mes", "wms-a", "wms-b", "tms");
        // The demo reads /api/line-side as an operator would: a key made for this run only.
        var operatorKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var app = BridgeApplication.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:Mode"] = "Embedded",
            ["Bridge:ApiKeys:erp"] = "demo-erp",
            ["Bridge:Auth:Operators:demo"] = operatorKey,
            ["Bridge:ApiKeys:mes"] = "demo-mes",
            ["Bridge:ApiKeys:wms-a"] = "demo-wms",
            ["Bridge:Systems:mes:BaseUrl"] = new Uri(simulated.BaseUrl, "/mes").AbsoluteUri,
            ["Bridge:Systems:wms-a:BaseUrl"] = new Uri(simulated.BaseUrl, "/wms-a").AbsoluteUri,
            ["Bridge:ApiKeys:wms-b"] = "demo-wms-b",
            ["Bridge:Systems:wms-b:BaseUrl"] = new Uri(simulated.BaseUrl, "/wms-b").AbsoluteUri,
            ["Bridge:ApiKeys:tms"] = "demo-tms",
            ["Bridge:Systems:tms:BaseUrl"] = new Uri(simulated.BaseUrl, "/tms").AbsoluteUri,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Serilog:MinimumLevel:Override:Bridge.Host"] = "Error",
        }));
        await using var _ = app;

        var observer = new TimelineObserver(timeline);
        app.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(observer);
        app.Services.GetRequiredService<MaterialRequestStateMachine>().ConnectStateObserver(observer);
        app.Services.GetRequiredService<ReplenishmentStateMachine>().ConnectStateObserver(observer);
        app.Services.GetRequiredService<TransferStateMachine>().ConnectStateObserver(observer);
        await app.StartAsync(ct);
        var address = app.Urls.First();
        timeline.Step("bridge", $"listening on {address} (in-memory bus, in-memory saga state, Hangfire.InMemory)", "green");
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var viewer = new HttpClient { BaseAddress = new Uri(address) };
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", operatorKey);
        var wms = new SimulatedWarehouse();
        var shortageReported = false;
        var lineSide = (Passed: false, Locations: (IReadOnlyList<JsonNode>)[]);
        var twoSites = (Passed: false, Request: (JsonNode?)null);

        try
        {
            await PostAsync(http, timeline, "erp", "production-order", DemoPayloads.ProductionOrder("000001004801", 20), "demo-erp");
            await PostAsync(http, timeline, "erp", "production-order", DemoPayloads.ProductionOrder("000001004802", 30), "demo-erp");
            await PostAsync(http, timeline, "wms-a", "inventory", wms.Put("100-A", "A-01-03", "L2611-07", 100, "PCE"), "demo-wms");
            await PostAsync(http, timeline, "wms-a", "inventory", wms.Put("200-A", "B-02-01", "L2610-02", 3, "KGM"), "demo-wms");
            await PostAsync(http, timeline, "wms-a", "inventory", wms.Put("300-B", "C-07-11", "", 40, "MTR"), "demo-wms");

            AnsiConsole.Write(new Rule("[bold]request 1: 20 units of order 1004801, stock covers it[/]").LeftJustified());
            await PostAsync(http, timeline, "mes", "material-request", DemoPayloads.MaterialRequest("MR-DEMO-1", "1004801", 20), "demo-mes");
            await PickAsync(http, timeline, simulated, wms);
            await ExpectDeliveryAsync(timeline, simulated);

            AnsiConsole.Write(new Rule("[bold]request 2: 30 units of order 1004802, thermal paste is short[/]").LeftJustified());
            await PostAsync(http, timeline, "mes", "material-request", DemoPayloads.MaterialRequest("MR-DEMO-2", "1004802", 30), "demo-mes");
            var kit = await NextMesCallAsync(timeline, simulated, "/kit-status");
            var kitStatus = JsonNode.Parse(kit.Body)!;
            shortageReported = kitStatus["kitComplete"]?.GetValue<bool>() == false;
            timeline.Step("mes", $"← kit status {kit.Path}: complete={kitStatus["kitComplete"]}, kit rate {kitStatus["kitRatePct"]} %, short: " +
                string.Join(", ", kitStatus["items"]!.AsArray().Where(i => i!["shortage"]!.GetValue<decimal>() > 0)
                    .Select(i => $"{i!["partNo"]} {i["shortage"]} {i["unit"]}")), "magenta");
            await PostAsync(http, timeline, "wms-a", "inventory", wms.Put("200-A", "B-02-05", "L2611-11", 5, "KGM"), "demo-wms");
            await PickAsync(http, timeline, simulated, wms);
            await ExpectDeliveryAsync(timeline, simulated);

            lineSide = await LineSideScenario.RunAsync(app.Services, http, viewer, timeline, simulated, ct);
            twoSites = await TwoSiteScenario.RunAsync(app.Services.GetRequiredService<TimeProvider>(), viewer, timeline, simulated, wms,
                (system, type, json, key, contentType) => PostAsync(http, timeline, system, type, json, key, contentType),
                () => PickAsync(http, timeline, simulated, wms), () => ExpectDeliveryAsync(timeline, simulated));
        }
        catch (TimeoutException ex)
        {
            timeline.Step("demo", ex.Message, "red");
        }

        var reader = app.Services.GetRequiredService<ISagaStateReader<MaterialRequestState>>();
        var states = new List<MaterialRequestView>();
        foreach (var id in new[] { "MR-DEMO-1", "MR-DEMO-2", "MR-DEMO-3" })
        {
            if (await reader.FindAsync(MaterialRequestIds.ForRequest(id), ct) is { } state)
            {
                states.Add(MaterialRequestView.From(state));
            }
        }

        PrintSummary(states, shortageReported, timeline.Elapsed);
        PrintLineSide(lineSide.Locations, lineSide.Passed);
        PrintTwoSites(twoSites.Request, twoSites.Passed);
        await app.StopAsync(ct);
        var completed = states.Count == 3 && states.All(s => s.State == "Completed");
        return completed && shortageReported && lineSide.Passed && twoSites.Passed ? 0 : 1;
    }

    private static async Task PickAsync(HttpClient http, Timeline timeline, SimulatedSystems simulated, SimulatedWarehouse wms)
    {
        var pickList = await simulated.NextAsync("wms-a", Wait);
        var (confirmation, feed, positions) = wms.Confirm(pickList.Body);
        timeline.Step("wms-a", $"← pick list {pickList.Path} with {positions} position(s); picking", "magenta");
        await PostAsync(http, timeline, "wms-a", "pick-confirmation", confirmation, "demo-wms");
        await PostAsync(http, timeline, "wms-a", "inventory", feed, "demo-wms");
    }

    private static async Task ExpectDeliveryAsync(Timeline timeline, SimulatedSystems simulated)
    {
        var delivery = await NextMesCallAsync(timeline, simulated, "/deliveries");
        var body = JsonNode.Parse(delivery.Body)!;
        timeline.Step("mes", $"← delivery {delivery.Path}: " + string.Join(", ", body["items"]!.AsArray()
            .Select(i => $"{i!["partNo"]} {i["qty"]} {i["unit"]} lot {i["batch"]}")), "magenta");
    }

    /// <summary>
    /// The next call MES gets on a path ending like <paramref name="pathEnd"/>. On a loaded machine the first request can
    /// be checked before the stock just posted is in the view: it is short for a moment, MES hears a kit status, and the
    /// request goes on when the stock lands. That status is shown, not mistaken for the next expected call.
    /// </summary>
    private static async Task<ReceivedCall> NextMesCallAsync(Timeline timeline, SimulatedSystems simulated, string pathEnd)
    {
        while (true)
        {
            var call = await simulated.NextAsync("mes", Wait);
            if (call.Path.EndsWith(pathEnd, StringComparison.Ordinal))
                return call;
            timeline.Step("mes", $"← {call.Path} (an earlier status, shown and passed over)", "grey");
        }
    }

    private static async Task PostAsync(HttpClient http, Timeline timeline, string system, string messageType, string json, string key,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbound/{system}/{messageType}")
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        timeline.Step(system, $"→ POST /api/inbound/{system}/{messageType} ({json.Length} bytes): {(int)response.StatusCode}", response.IsSuccessStatusCode ? "blue" : "red");
        if (!response.IsSuccessStatusCode)
        {
            throw new TimeoutException($"Bridge refused {system}/{messageType}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static void PrintLineSide(IReadOnlyList<JsonNode> locations, bool passed)
    {
        var table = new Table().AddColumns("location", "mode", "level", "state", "steps");
        foreach (var l in locations)
        {
            table.AddRow(
                Markup.Escape((string?)l["location"] ?? ""), Markup.Escape((string?)l["mode"] ?? ""), l["quantity"]?.ToString() ?? "-",
                Markup.Escape((string?)l["state"] ?? ""),
                Markup.Escape(string.Join(" → ", l["history"]?.AsArray().Select(h => (string?)h!["step"]) ?? [])));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"line-side: one request per location, all fulfilled: {(passed ? "[green]yes[/]" : "[red]no[/]")}");
    }

    private static void PrintTwoSites(JsonNode? request, bool passed)
    {
        var table = new Table().AddColumns("transfer order", "from", "to", "status", "lines arrived");
        foreach (var t in request?["transfers"]?.AsArray() ?? [])
        {
            table.AddRow(Markup.Escape((string?)t!["transferOrderId"] ?? ""), Markup.Escape((string?)t["fromWarehouse"] ?? ""),
                Markup.Escape((string?)t["toWarehouse"] ?? ""), Markup.Escape((string?)t["status"] ?? ""), t["arrived"]?.AsArray().Count.ToString() ?? "0");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"two sites: one transfer order, delivered, picked at the destination, completed: {(passed ? "[green]yes[/]" : "[red]no[/]")}");
    }

    private static void PrintSummary(IReadOnlyList<MaterialRequestView> states, bool shortageReported, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("request", "order", "state", "steps", "pick orders", "delivered lines");
        foreach (var s in states)
        {
            table.AddRow(
                s.RequestId, s.OrderId, s.State == "Completed" ? $"[green]{s.State}[/]" : $"[red]{s.State}[/]",
                Markup.Escape(string.Join(" → ", s.History.Select(h => h.Step))),
                s.PickOrders.Count.ToString(),
                s.PickOrders.Sum(p => p.ConfirmedLines.Count).ToString());
        }

        AnsiConsole.Write(new Rule("[bold]summary[/]").LeftJustified());
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"shortage reported to MES: {(shortageReported ? "[green]yes[/]" : "[red]no[/]")}; took {elapsed.TotalSeconds:0.0} s");
    }
}
