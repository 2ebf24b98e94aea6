using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Bridge.Tests.OpcUa;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Replenishment.LineSideTestApi;

namespace Bridge.Tests.Replenishment;

/// <summary>
/// A line-side test on the real stack: location L1-ST03 fed by the node-opcua server's parts counter (a copy of the
/// shipped config with the counter device written in), MES and WMS B as receivers, and a virtual host and database of
/// its own. Without the servers <see cref="OpcUaUrl"/> stays null and the tests return; under ./test.sh a missing
/// server fails them instead.
/// </summary>
public abstract class LineSideStackTest(string purpose) : RealStackTest(purpose, "mes", "wms-b")
{
    protected static readonly NodeId Counter = NodeId.Parse("ns=1;s=L1.ST03.A-100.Consumed");

    protected string Config { get; } = TestConfig.CopyShipped();

    protected string? OpcUaUrl { get; private set; }

    public override async Task InitializeAsync()
    {
        if (!TestServers.Available || OpcUaTestServer.Url is not { } url)
            return;

        await base.InitializeAsync();
        OpcUaUrl = url;
        await WriteCounterDeviceAsync(Config, url);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Config, recursive: true);
    }

    /// <summary>A host on this test's stack with WMS B's address and key, returned once the counter device is ready.</summary>
    protected async Task<BridgeTestHost> StartLineSideHostAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Bridge:ConfigDir"] = Config,
            ["Bridge:Systems:wms-b:BaseUrl"] = new Uri(Receivers!.BaseUrl, "/wms-b").AbsoluteUri,
            ["Bridge:ApiKeys:wms-b"] = "it-wms-b-key",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var host = await BridgeTestHost.StartAsync(Rabbit, Postgres, Receivers, all);
        await host.Services.GetRequiredKeyedService<OpcUaDevice>("line1-st03").Ready.WaitAsync(Wait);
        return host;
    }

    /// <summary>
    /// Writes the counter and waits for the location's level to show the delta; the host came from
    /// <see cref="StartLineSideHostAsync"/>, so the device already has its baseline.
    /// </summary>
    protected static async Task CountAsync(BridgeTestHost host, OpcUaClient plc, uint value, decimal expectedLevel)
    {
        await plc.WriteValueAsync(Counter, Variant.From(value));
        await UntilAsync(host, v => Quantity(v) == expectedLevel);
    }
}
