using System.Globalization;
using Bridge.Adapters.Mqtt;
using Bridge.Adapters.OpcUa;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Bridge.Tests.Mqtt;
using Bridge.Tests.OpcUa;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Replenishment.LineSideTestApi;
using Bridge.Tests.Persistence;

namespace Bridge.Tests.Replenishment;

/// <summary>
/// Issue 11's integration case: a node-opcua parts counter and a Mosquitto bin sensor feed one location (L1-ST03) on
/// RabbitMQ + PostgreSQL through two full cycles, with the host restarted in the middle of the first cycle before the
/// crossing and again while its request is open. The WMS of site B gets exactly one request per cycle.
/// </summary>
[Trait("Category", "Integration")]
[Collection(HostCollection.Name)]
public sealed class CounterAndSensorRestartTests() : LineSideStackTest("line-side-restart")
{
    private const string Topic = "plant/p1/line/L1/bin/L1-ST03/level";
    private (string Host, int Port) _mqtt;

    public override async Task InitializeAsync()
    {
        if (MqttTestBroker.Shared is not { } mqtt)
            return;

        _mqtt = mqtt;
        await base.InitializeAsync();
    }

    [Fact]
    public async Task CounterAndSensor_TwoCycles_HostRestartedMidCycleAndWhileOpen_OneRequestPerCycle()
    {
        if (Receivers is null || OpcUaUrl is null)
            return;

        await using var plc = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = OpcUaUrl });
        var counter = 7000u;
        await plc.WriteValueAsync(Counter, Variant.From(counter));
        using var sensor = await MqttTestBroker.ConnectAsync(_mqtt.Host, _mqtt.Port);

        var host = await StartHostAsync();
        try
        {
            // Cycle 1. The sensor sets the level (75 % of max 120 = 90), the counter lowers it by 20 → 70.
            await MqttTestBroker.PublishAsync(sensor, Topic, "75");
            await UntilAsync(host, v => Quantity(v) == 90m);
            await CountAsync(host, plc, counter += 20, expectedLevel: 70m);

            // Restart before the crossing: the level is in PostgreSQL, the counter's baseline is read again.
            await host.StopAsync();
            host = await StartHostAsync();
            (await UntilAsync(host, v => Quantity(v) == 70m))["state"]!.GetValue<string>().ShouldBe("Watching");

            // 35 more → 35, at or below the reorder point 40: one request for 120 − 35 = 85, in packs of 20 → 100.
            await CountAsync(host, plc, counter += 35, expectedLevel: 35m);
            var first = await Receivers.NextAsync("wms-b", Wait);
            first.Path.ShouldBe("/import/replenishment/RP-L1-ST03-0001.csv");
            first.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(';')[3].ShouldBe("100");

            // The sensor chatters around the reorder point (36 … 42 pieces) while the request is open, ending at 39.6.
            string[] chatter = ["30", "35", "32", "34", "31"];
            for (var i = 0; i < 100; i++)
                await MqttTestBroker.PublishAsync(sensor, Topic, chatter[i % chatter.Length]);
            await MqttTestBroker.PublishAsync(sensor, Topic, "33");
            await UntilAsync(host, v => Quantity(v) == 39.6m && v["openRequest"] is not null);

            // Restart while the request is open: it survives, and the WMS fulfils it afterwards.
            await host.StopAsync();
            host = await StartHostAsync();
            (await ViewAsync(host))["openRequest"]!["replenishmentId"]!.GetValue<string>().ShouldBe("RP-L1-ST03-0001");
            await ConfirmAsync(host, "RP-L1-ST03-0001", 100);
            await UntilAsync(host, v => (string?)v["state"] == "Watching" && v["openRequest"] is null && Quantity(v) == 139.6m);

            // Cycle 2: the sensor reads 25 % → 30: one new request; the counter lowering it further asks for nothing more.
            await MqttTestBroker.PublishAsync(sensor, Topic, "25");
            var second = await Receivers.NextAsync("wms-b", Wait);
            second.Path.ShouldBe("/import/replenishment/RP-L1-ST03-0002.csv");
            await CountAsync(host, plc, counter += 5, expectedLevel: 25m);
            await ConfirmAsync(host, "RP-L1-ST03-0002", 100);
            await UntilAsync(host, v => (string?)v["state"] == "Watching" && v["openRequest"] is null && Quantity(v) == 125m);

            // Two cycles, two requests: nothing else reached the WMS.
            await Should.ThrowAsync<TimeoutException>(() => Receivers.NextAsync("wms-b", TimeSpan.FromSeconds(1)));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private async Task<BridgeTestHost> StartHostAsync()
    {
        var host = await StartLineSideHostAsync(new Dictionary<string, string?>
        {
            ["Bridge:Adapters:Mqtt:embedded:Host"] = _mqtt.Host,
            ["Bridge:Adapters:Mqtt:embedded:Port"] = _mqtt.Port.ToString(CultureInfo.InvariantCulture),
            ["Bridge:Adapters:Mqtt:embedded:ClientId"] = "it-restart-" + Guid.NewGuid().ToString("N")[..8],
        });
        await host.Services.GetRequiredKeyedService<MqttConnection>("embedded").Connected.WaitAsync(Wait);
        return host;
    }
}
