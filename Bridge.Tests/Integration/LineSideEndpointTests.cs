using System.Net;
using System.Text.Json.Nodes;
using Bridge.Host.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Bridge.Tests.Integration;

/// <summary><c>/api/line-side</c> on an embedded host with the shipped line-side.yaml.</summary>
public sealed class LineSideEndpointTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = BridgeTestHost.RepositoryConfigDirectory(),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        })));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) }.AsOperator();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task List_ShowsEveryConfiguredLocationWithItsLevelAndState()
    {
        var list = JsonNode.Parse(await _client.GetStringAsync("/api/line-side"))!.AsArray();

        list.Select(l => (string)l!["location"]!).ShouldBe(["L1-ST03", "L1-ST04", "L1-ST05"]);
        var first = list[0]!;
        ((string)first["state"]!).ShouldBe("Watching");
        ((string)first["mode"]!).ShouldBe("MinMax");
        first["openRequest"].ShouldBeNull();
    }

    [Fact]
    public async Task One_ShowsTheLocationWithItsHistory()
    {
        var view = JsonNode.Parse(await _client.GetStringAsync("/api/line-side/L1-ST04"))!;

        ((string)view["material"]!).ShouldBe("B-300");
        view["reorderPoint"]!.GetValue<decimal>().ShouldBe(50m);
        view["history"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("NO-SUCH")]
    [InlineData("L1-ST03%0D%0AX-Injected:%201")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%E0%A4%A")]
    [InlineData("%25%32%46")]
    [InlineData("L1-ST03%2F")]
    public async Task UnknownOrHostileId_IsNotFound(string id)
    {
        using var response = await _client.GetAsync("/api/line-side/" + id);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NulInTheId_IsRefusedBeforeRouting()
    {
        // Kestrel refuses a decoded NUL in the path itself (400): it never reaches a lookup, and never fails it.
        using var response = await _client.GetAsync("/api/line-side/L1-ST03%00");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OverlongId_IsNotFound()
    {
        using var response = await _client.GetAsync("/api/line-side/" + new string('A', 5000));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
