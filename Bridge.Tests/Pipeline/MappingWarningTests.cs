using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// A default taken by <c>fallback()</c> is not silent in the host: the message is accepted, the HTTP answer names the
/// warning and the item it came from, and the audit row of that message carries it; a message without a default
/// carries none.
/// </summary>
public sealed class MappingWarningTests : IAsyncLifetime
{
    private const string Mapping = """
        name: wms-a-defaulted
        system: wms-a
        direction: inbound
        messageType: defaulted
        format: json
        produces: InventoryChanged
        split: changes
        id: seq
        fields:
          occurredAt: changedAt
          record:
            warehouse: "'WH-A'"
            material: sku
            location: bin
            quantity: fallback(onHand, 0)
            unit: "'PCE'"
            status: "'Available'"
        """;

    private readonly string _config = TestConfig.CopyShipped();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_config, "mappings", "wms-a", "defaulted.yaml"), Mapping);
        _app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = _config,
            ["Bridge:ApiKeys:wms-a"] = "wms-key",
            ["Serilog:MinimumLevel:Default"] = "Error",
        })));
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_config, recursive: true);
    }

    [Fact]
    public async Task AFallbackTaken_IsInTheAnswerAndOnTheAuditRowOfThatMessage()
    {
        const string body = """
            { "changes": [
              { "seq": 1, "sku": "100-A", "bin": "A-01", "onHand": 7, "changedAt": "2026-11-22T13:54:58Z" },
              { "seq": 2, "sku": "100-A", "bin": "A-02", "changedAt": "2026-11-22T13:54:59Z" } ] }
            """;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/wms-a/defaulted") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", "wms-key");

        var response = await _http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        answer["messages"]!.AsArray().Count.ShouldBe(2);
        var warning = answer["warnings"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>();
        warning.ShouldContain("message 1");
        warning.ShouldContain("$.changes[1]");
        warning.ShouldContain("'onHand' is missing");

        var audit = _app.Services.GetRequiredService<IAuditTrail>();
        var rows = new List<AuditRow>();
        foreach (var day in await audit.DaysAsync(CancellationToken.None))
            rows.AddRange(await audit.ReadDayAsync(day, CancellationToken.None));
        var accepted = rows.Where(r => r.Entry.Direction == "in" && r.Entry.System == "wms-a" && r.Entry.Result == "accepted").ToList();
        accepted.Count.ShouldBe(2);
        accepted[0].Entry.Reason.ShouldBe("wms-a-defaulted");
        accepted[1].Entry.Reason.ShouldNotBeNull().ShouldStartWith("wms-a-defaulted; warning at $.changes[1]: 'onHand' is missing");
    }
}
