using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.OpcUa;
using Bridge.Tests.Persistence;
using Bridge.Tests.Replenishment;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Replenishment.LineSideTestApi;

namespace Bridge.Tests.Integration;

/// <summary>
/// A line-side location through a full cycle on the real stack: a PLC parts counter on the node-opcua server → OPC UA
/// device → shipped plc mapping → RabbitMQ → level projection and saga in PostgreSQL → one replenishment CSV to the
/// WMS of site B → its fulfilment closes the request. The host is restarted while the request is open.
/// </summary>
[Trait("Category", "Integration")]
[Collection(HostCollection.Name)]
public sealed class ReplenishmentFlowTests : IAsyncLifetime
{
    private static readonly NodeId Counter = NodeId.Parse("ns=1;s=L1.ST03.A-100.Consumed");
    private readonly string _config = TestConfig.CopyShipped();
    private string _rabbit = "";
    private string _postgres = "";
    private SimulatedSystems? _receivers;
    private string? _opcUa;

    public async Task InitializeAsync()
    {
        if (!TestServers.Available || OpcUaTestServer.Url is not { } url)
            return;

        _opcUa = url;
        _rabbit = await TestServers.CreateVirtualHostAsync("line-side");
        _postgres = await TestServers.CreateDatabaseAsync("line-side");
        _receivers = await SimulatedSystems.StartAsync("mes", "wms-b");
        await LineSideTestApi.WriteCounterDeviceAsync(_config, url);
    }

    public async Task DisposeAsync()
    {
        if (_receivers is not null)
            await _receivers.DisposeAsync();
        Directory.Delete(_config, recursive: true);
    }

    [Fact]
    public async Task CounterDrivesALocationThroughACycle_AcrossARestart_OneRequestToTheWms()
    {
        if (_receivers is null || _opcUa is null)
            return;

        await using var plc = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = _opcUa });
        var counter = 5000u;
        await plc.WriteValueAsync(Counter, Variant.From(counter));

        var host = await StartHostAsync();
        try
        {
            // 120 at start; 50 used → 70, then 40 more → 30: at or below the reorder point 40.
            await CountAsync(host, plc, counter += 50, expectedLevel: 70m);
            await CountAsync(host, plc, counter += 40, expectedLevel: 30m);

            var request = await _receivers.NextAsync("wms-b", Wait);
            request.Path.ShouldBe("/import/replenishment/RP-L1-ST03-0001.csv");
            var row = request.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(';');
            (row[0], row[1], row[2], row[3], row[4]).ShouldBe(("RP-L1-ST03-0001", "L1-ST03", "A-100", "100", "ST"));

            await host.StopAsync();
            host = await StartHostAsync();

            // The open request survived the restart: further consumption asks for nothing more.
            (await ViewAsync(host))["openRequest"]!["replenishmentId"]!.GetValue<string>().ShouldBe("RP-L1-ST03-0001");
            await CountAsync(host, plc, counter += 5, expectedLevel: 25m);

            await ConfirmAsync(host, "RP-L1-ST03-0001", 100);

            var view = await UntilAsync(host, v => (string?)v["state"] == "Watching" && v["quantity"]!.GetValue<decimal>() == 125m);
            view["openRequest"].ShouldBeNull();
            // Exactly one request for the cycle: nothing else reached the WMS.
            await Should.ThrowAsync<TimeoutException>(() => _receivers.NextAsync("wms-b", TimeSpan.FromSeconds(1)));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private Task<BridgeTestHost> StartHostAsync() => BridgeTestHost.StartAsync(_rabbit, _postgres, _receivers!, new Dictionary<string, string?>
    {
        ["Bridge:ConfigDir"] = _config,
        ["Bridge:Systems:wms-b:BaseUrl"] = new Uri(_receivers!.BaseUrl, "/wms-b").AbsoluteUri,
        ["Bridge:ApiKeys:wms-b"] = "it-wms-b-key",
    });

    /// <summary>Writes the counter once the device has its baseline, and waits for the level to show the delta.</summary>
    private static async Task CountAsync(BridgeTestHost host, OpcUaClient plc, uint value, decimal expectedLevel)
    {
        await host.Services.GetRequiredKeyedService<OpcUaDevice>("line1-st03").Ready.WaitAsync(Wait);
        await plc.WriteValueAsync(Counter, Variant.From(value));
        await UntilAsync(host, v => v["quantity"]?.GetValue<decimal>() == expectedLevel);
    }
}
