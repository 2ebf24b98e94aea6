using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Composition;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

using Bridge.Tests.Integration;

namespace Bridge.Tests.Pipeline;

/// <summary>
/// Every failure while mapping is a mapping error: an exception other than a mapping error (a regular expression
/// that times out, a decimal overflow) or a split that matches nothing is answered 422 over HTTP with the dead
/// letter kept, never a 500 or an empty 202.
/// </summary>
public sealed class MappingFailureDeadLetterTests : IAsyncLifetime
{
    private const string Mapping = """
        name: wms-a-fragile
        system: wms-a
        direction: inbound
        messageType: fragile
        format: json
        produces: InventoryChanged
        split: changes[matches(sku, '^(a+)+$') = false]
        id: seq
        fields:
          occurredAt: changedAt
          record:
            warehouse: "'WH-A'"
            material: sku
            location: bin
            quantity: onHand * onHand
            unit: "'PCE'"
            status: "'Available'"
        """;

    private readonly string _config = TestConfig.CopyShipped();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_config, "mappings", "wms-a", "fragile.yaml"), Mapping);
        _app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = _config,
            ["Bridge:ApiKeys:wms-a"] = "wms-key",
            ["Bridge:ApiKeys:erp"] = "erp-key",
            ["Bridge:ApiKeys:wms-b"] = "wmsb-key",
            ["Serilog:MinimumLevel:Default"] = "Error",
        })));
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) }.AsAdministrator();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_config, recursive: true);
    }

    [Fact]
    public async Task RegexTimeoutInTheSplit_IsAMappingErrorWithADeadLetter()
    {
        var sku = new string('a', 40) + "!";
        var body = $$"""{ "changes": [ { "seq": 1, "sku": "{{sku}}", "bin": "A-01", "onHand": 1, "changedAt": "2026-11-22T13:54:58Z" } ] }""";

        var detail = await PostExpectingDeadLetterAsync(body);

        detail.ShouldBe("wms-a-fragile: field '(split)' from 'changes[matches(sku, '^(a+)+$') = false]' "
            + $"(value '{sku}'): the regular expression '^(a+)+$' took longer than 100 ms (too much backtracking); simplify the pattern");
    }

    [Fact]
    public async Task OverflowInAField_IsAMappingErrorWithADeadLetter()
    {
        const string body = """{ "changes": [ { "seq": 1, "sku": "100-A", "bin": "A-01", "onHand": 1e20, "changedAt": "2026-11-22T13:54:58Z" } ] }""";

        var detail = await PostExpectingDeadLetterAsync(body);

        detail.ShouldBe("wms-a-fragile: field '[0].record.quantity' of item '$.changes[0]' from 'onHand * onHand': arithmetic overflow: the result is beyond the range of a decimal number (±7.9E28)");
    }

    [Fact]
    public async Task ADocumentTheSplitDoesNotMatch_IsAMappingErrorWithADeadLetter()
    {
        var detail = await PostExpectingDeadLetterAsync("<foo/>", "/api/inbound/erp/production-schedule-v0401", "application/xml", "erp-key", "erp");

        detail.ShouldBe("erp-b2mml-v0401-schedule: field '(split)' from '/b:ProductionSchedule/b:ProductionRequest': the split matched nothing in the document, "
            + "so it produced no message (a different document type, a misspelt name or namespace?); add allowEmpty: true if this feed may legitimately be empty");
    }

    /// <summary>
    /// Found by the fault suite's R4: a stock export whose header lost a column fails on every row, and its thousands of
    /// reasons went whole into the answer, the dead letter, the log line and the audit row (4 GB allocated for 300 such
    /// exports). The first 100 are reported, then a count; the dead letter keeps the document.
    /// </summary>
    [Fact]
    public async Task ADocumentFailingOnEveryRow_ReportsTheFirstHundredReasonsAndCountsTheRest()
    {
        var rows = string.Concat(Enumerable.Range(0, 1000).Select(i => $"WH-B;A-100;L-{i};K-01-01;2.400;ST;frei;\n"));
        var body = "Lagerort;Artikel;Charge;Lagerplatz;Bestand;ME;Status;MHD\n" + rows;

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/wms-b/inventory-export") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Add("X-Api-Key", "wmsb-key");

        var response = await _http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var reasons = problem["errors"]!.AsArray().Select(e => (string)e!).ToList();
        var id = (string)problem["deadLetterId"]!;
        var letter = JsonNode.Parse(await _http.GetStringAsync($"/api/dead-letters/{id}"))!;
        ((string)letter["reason"]!).Split(Environment.NewLine).ShouldBe(reasons);
        reasons.Count.ShouldBe(ReportedReasons.Limit + 1);
        reasons[0].ShouldBe("wms-b-inventory-csv: field '[0].record.warehouse' of item 'row 2' from 'Lager': required canonical field is missing or empty in the source");
        reasons[^1].ShouldBe("… and 900 more reasons (1000 in all); the dead letter keeps the whole document");
    }

    private async Task<string> PostExpectingDeadLetterAsync(string body, string path = "/api/inbound/wms-a/fragile", string contentType = "application/json", string key = "wms-key", string system = "wms-a")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Api-Key", key);

        var response = await _http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var id = (string)problem["deadLetterId"]!;
        var letters = JsonNode.Parse(await _http.GetStringAsync("/api/dead-letters"))!.AsArray();
        var letter = letters.Single(l => (string)l!["id"]! == id)!;
        ((string)letter["system"]!).ShouldBe(system);
        ((string)letter["reason"]!).ShouldBe((string)problem["detail"]!);
        return (string)problem["detail"]!;
    }
}
