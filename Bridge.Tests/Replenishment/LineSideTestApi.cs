using System.Net;
using System.Text.Json.Nodes;
using Bridge.Tests.Integration;

namespace Bridge.Tests.Replenishment;

/// <summary>
/// What the line-side integration tests do against a real host: read a location through <c>/api/line-side</c>, wait
/// for it to reach a state, have the WMS of site B confirm a replenishment, and configure the node-opcua parts counter
/// of L1-ST03 as a device.
/// </summary>
internal static class LineSideTestApi
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static async Task<JsonNode> ViewAsync(BridgeTestHost host, string location = "L1-ST03") =>
        JsonNode.Parse(await host.Client.GetStringAsync($"/api/line-side/{location}"))!;

    public static decimal? Quantity(JsonNode view) => view["quantity"]?.GetValue<decimal>();

    /// <summary>Polls the location's view (bounded by <see cref="Wait"/>) until <paramref name="condition"/> holds.</summary>
    public static async Task<JsonNode> UntilAsync(BridgeTestHost host, Func<JsonNode, bool> condition, string location = "L1-ST03")
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var view = await ViewAsync(host, location);
            if (condition(view))
                return view;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"/api/line-side/{location} did not reach the expected state within {Wait}: {view.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    /// <summary>The WMS of site B reports the replenishment done (its German JSON confirmation) with the host's key for it.</summary>
    public static async Task ConfirmAsync(BridgeTestHost host, string replenishmentId, int quantity)
    {
        var confirmation = $$"""
            { "auftrag": "{{replenishmentId}}", "zielplatz": "L1-ST03", "erledigt": "2026-11-22T15:41:07Z",
              "positionen": [ { "artikel": "A-100", "menge": {{quantity}}, "me": "ST", "charge": "L1" } ] }
            """;
        using var accepted = await host.PostAsync("wms-b", "replenishment-confirmation", confirmation, key: "it-wms-b-key");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
    }

    /// <summary>Writes <c>devices/line1-st03.yaml</c>: the test server's L1.ST03 parts counter as consumption for L1-ST03.</summary>
    public static Task WriteCounterDeviceAsync(string configDirectory, string endpointUrl)
    {
        Directory.CreateDirectory(Path.Combine(configDirectory, "devices"));
        return File.WriteAllTextAsync(Path.Combine(configDirectory, "devices", "line1-st03.yaml"), $"""
            system: plc
            endpointUrl: {endpointUrl}
            publishingIntervalMs: 50
            nodes:
              - key: st03-consumed
                browsePath: /Objects/1:Bridge/1:Counters/1:L1.ST03.A-100.Consumed
                kind: counter
                samplingIntervalMs: 10
                messageType: consumption
            """);
    }
}
