using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bridge.Adapters.Mqtt;
using Bridge.Host.Demo;
using Bridge.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Mqtt;

/// <summary>
/// The embedded default with nothing installed: the host starts its in-process MQTT broker (on a free port here, 1883
/// by default), the shipped sensors system's <c>embedded</c> instance connects to it, and an MQTTnet client's reading
/// shows up as a BinLevelReported applied to the line-side location.
/// </summary>
public sealed class EmbeddedHostTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReadingOnTheEmbeddedBroker_ShowsAsTheLocationsLevel()
    {
        var port = FreePort();
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync("", "", receivers, new Dictionary<string, string?>
        {
            ["Bridge:Mode"] = "Embedded",
            ["Bridge:Mqtt:EmbeddedBroker:Port"] = port.ToString(CultureInfo.InvariantCulture),
        });
        await host.Services.GetRequiredKeyedService<MqttConnection>("embedded").Connected.WaitAsync(Wait);
        using var sensor = await MqttTestBroker.ConnectAsync("127.0.0.1", port);

        await MqttTestBroker.PublishAsync(sensor, "plant/p1/line/L1/bin/L1-ST03/level", "50");

        var deadline = DateTime.UtcNow + Wait;
        JsonNode view;
        do
        {
            await Task.Delay(50);
            view = JsonNode.Parse(await host.Client.GetStringAsync("/api/line-side/L1-ST03"))!;
        }
        while (view["quantity"]?.GetValue<decimal>() != 60m && DateTime.UtcNow < deadline);

        view["quantity"]!.GetValue<decimal>().ShouldBe(60m, view.ToJsonString());
        view.ToJsonString().ShouldContain("read 50 %");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
