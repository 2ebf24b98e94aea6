using System.Collections.Concurrent;
using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Contracts.Messages;
using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.OpcUa;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Bridge.Tests.Integration;

namespace Bridge.Tests.Devices;

/// <summary>
/// A device in config/devices/*.yaml, run by the host: a PLC parts counter on the node-opcua server becomes
/// LineSideConsumptionReported on the bus, through the same mapping path as HTTP payloads.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OpcUaDeviceHostTests : IDisposable
{
    private const string CounterMapping = """
        name: plc-station7-parts
        system: plc
        direction: inbound
        messageType: station7-parts
        format: scalar
        produces: LineSideConsumptionReported
        id: meta('nodeId') & '@' & meta('sourceTimestamp')
        fields:
          location: meta('location')
          material: meta('material')
          quantity: number($value)
          unit: unit(meta('unit'))
          occurredAt: datetime(meta('sourceTimestamp'))
        """;

    private readonly string _config = TestConfig.CopyShipped();

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Fact]
    public async Task CounterOnAPlc_BecomesLineSideConsumptionOnTheBus()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }

        PrepareConfig(url);
        var station7 = NodeId.Parse("ns=1;s=Counters.Station7");
        await using var writer = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url });
        await writer.WriteValueAsync(station7, Variant.From(1000u));
        var received = new ConcurrentQueue<LineSideConsumptionReported>();
        var app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = _config,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        })));
        await using var _ = app;
        await app.StartAsync();
        var endpoint = app.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("test-line-side-consumption", e =>
            e.Handler<LineSideConsumptionReported>(context =>
            {
                received.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await endpoint.Ready;
        // The first value the subscription reports (1000) is the counter's baseline; the writes below count from it.
        await app.Services.GetRequiredKeyedService<OpcUaDevice>("line1").Ready.WaitAsync(TimeSpan.FromSeconds(10));

        // Each write waits for the delta before it to arrive: a loaded machine may otherwise let the server coalesce
        // two quick changes into one sample (the counter would then report one delta of 10).
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var expected = 0;
        foreach (var value in new uint[] { 1004, 1010 })
        {
            await writer.WriteValueAsync(station7, Variant.From(value));
            expected++;
            while (received.Count < expected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }

        received.Select(m => (m.Location, m.Material, m.Quantity, m.Unit)).ShouldBe([("L1-ST7", "A-100", 4m, "pcs"), ("L1-ST7", "A-100", 6m, "pcs")]);
        received.ShouldAllBe(m => m.Source == "plc");
        await app.StopAsync();
    }

    [Fact]
    public async Task WriteBack_PutsTheJobNumberOnTheStation_ForTheSystemsKeyOnly()
    {
        if (OpcUaTestServer.Url is not { } url)
        {
            return;
        }

        PrepareConfig(url);
        var app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = _config,
            ["Bridge:ApiKeys:plc"] = "plc-key",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        })));
        await using var _ = app;
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) }.AsAdministrator();
        var job = $"JOB-{Random.Shared.Next(100000, 999999)}";

        HttpResponseMessage response;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            response = await http.SendAsync(Write("line1", "job-number", job, "plc-key"));
        }
        while (response.StatusCode == System.Net.HttpStatusCode.BadGateway && DateTime.UtcNow < deadline && await Delay());

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var reader = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url });
        (await reader.ReadValuesAsync([NodeId.Parse("ns=1;s=Writable.Station7Job")]))[0].Value.Value.ShouldBe(job);
        (await http.SendAsync(Write("line1", "job-number", "X", "wrong"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        (await http.SendAsync(Write("line1", "no-such-target", "X", "plc-key"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        // A system learns nothing about devices that are not its own.
        (await http.SendAsync(Write("no-such-device", "job-number", "X", "plc-key"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        await app.StopAsync();
    }

    private static HttpRequestMessage Write(string device, string key, string value, string apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/devices/{device}/writes/{key}") { Content = new StringContent(value) };
        request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }

    [Fact]
    public void DeviceFeedingAMessageTypeWithoutMapping_IsRefusedAtStart()
    {
        PrepareConfig("opc.tcp://127.0.0.1:1/");
        File.Delete(Path.Combine(_config, "mappings", "plc", "station7-parts.yaml"));

        var error = Should.Throw<InvalidConfigurationException>(() => BridgeApplication.Build([], b =>
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bridge:ConfigDir"] = _config })));

        error.Message.ShouldContain("node 'parts' of device 'line1' feeds 'plc/station7-parts', which no inbound mapping handles");
    }

    private void PrepareConfig(string url)
    {
        File.WriteAllText(Path.Combine(_config, "mappings", "plc", "station7-parts.yaml"), CounterMapping);
        Directory.CreateDirectory(Path.Combine(_config, "devices"));
        File.WriteAllText(Path.Combine(_config, "devices", "line1.yaml"), $"""
            system: plc
            endpointUrl: {url}
            publishingIntervalMs: 50
            nodes:
              - key: parts
                browsePath: /Objects/1:Bridge/1:Counters/1:Station7
                kind: counter
                samplingIntervalMs: 10
                messageType: station7-parts
                metadata: {"{"} location: L1-ST7, material: A-100, unit: PCE {"}"}
            writes:
              - key: job-number
                nodeId: ns=1;s=Writable.Station7Job
            """);
    }
}
