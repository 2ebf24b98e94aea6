using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Composition;
using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

using Bridge.Tests.Integration;

namespace Bridge.Tests.DeadLetters;

/// <summary>
/// An integrator's loop: a WMS item missing from the cross-reference is dead-lettered; the CSV is fixed on disk
/// (hot reload); the dead letter is replayed and reaches the stock view.
/// </summary>
public sealed class DeadLetterReplayTests : IDisposable
{
    private readonly string _config = TestConfig.CopyShipped();

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public async Task MissingCrossReference_IsDeadLettered_ThenReplayedAfterTheTableIsFixed()
    {
        var app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = _config,
            ["Bridge:ApiKeys:wms-a"] = "wms-key",
            ["Serilog:MinimumLevel:Default"] = "Error",
        })));
        await using var _ = app;
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) }.AsAdministrator();
        var feed = new SimulatedWarehouse().Put("999-Z", "Z-01-01", "L-NEW", 42, "PCE");

        var rejected = await PostAsync(http, "/api/inbound/wms-a/inventory", feed);

        rejected.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await rejected.Content.ReadAsStringAsync())!;
        ((string)problem["detail"]!).ShouldContain("999-Z");
        var id = (string)problem["deadLetterId"]!;
        (await PostAsync(http, $"/api/dead-letters/{id}/replay", "", key: null)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        File.AppendAllText(Path.Combine(_config, "mappings", "wms-a", "tables", "material-xref.csv"), "999-Z,Z-999\n");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpResponseMessage replay;
        do
        {
            await Task.Delay(200);
            replay = await PostAsync(http, $"/api/dead-letters/{id}/replay", "", key: null);
        }
        while (replay.StatusCode == HttpStatusCode.UnprocessableEntity && DateTime.UtcNow < deadline);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK, await replay.Content.ReadAsStringAsync());
        (await PostAsync(http, $"/api/dead-letters/{id}/replay", "", key: null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonNode.Parse(await http.GetStringAsync("/api/dead-letters"))!.AsArray().ShouldBeEmpty();
        JsonNode.Parse(await http.GetStringAsync("/api/dead-letters?all=true"))!.AsArray().Count.ShouldBe(1);
        deadline = DateTime.UtcNow.AddSeconds(10);
        JsonArray stock;
        do
        {
            stock = JsonNode.Parse(await http.GetStringAsync("/api/stock?material=Z-999"))!.AsArray();
        }
        while (stock.Count == 0 && DateTime.UtcNow < deadline && await Pause());

        stock.Single()!["quantity"]!.GetValue<decimal>().ShouldBe(42m);
        await app.StopAsync();
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(50);
        return true;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json, string? key = "wms-key")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return http.SendAsync(request);
    }
}
