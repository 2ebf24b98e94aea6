using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Bridge.Tests.Mqtt;
using Bridge.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static Bridge.Tests.Replenishment.LineSideTestApi;

namespace Bridge.Tests.Replenishment;

/// <summary>
/// A bin sensor over MQTT on the real stack: Mosquitto → Bridge host in production mode (the shipped sensors system,
/// <c>path: telemetry</c>, its <c>embedded</c> instance pointed at the test Mosquitto) → BinLevelReported on RabbitMQ →
/// level projection and replenishment saga in PostgreSQL → one replenishment CSV at the WMS of site B, however much the
/// sensor chatters around the reorder point.
/// </summary>
[Trait("Category", "Integration")]
[Collection(HostCollection.Name)]
public sealed class MqttSensorReplenishmentTests : IAsyncLifetime
{
    private const string Topic = "plant/p1/line/L1/bin/L1-ST03/level";
    private string _rabbit = "";
    private string _postgres = "";
    private SimulatedSystems? _receivers;
    private (string Host, int Port) _mqtt;

    public async Task InitializeAsync()
    {
        if (!TestServers.Available || MqttTestBroker.Shared is null)
            return;

        _mqtt = MqttTestBroker.Shared.Value;
        _rabbit = await TestServers.CreateVirtualHostAsync("mqtt-line-side");
        _postgres = await TestServers.CreateDatabaseAsync("mqtt-line-side");
        _receivers = await SimulatedSystems.StartAsync("mes", "wms-b");
    }

    public async Task DisposeAsync()
    {
        if (_receivers is not null)
            await _receivers.DisposeAsync();
    }

    [Fact]
    public async Task ChatteringSensorAroundTheReorderPoint_BinLevelVisible_OneRequestAtTheWms()
    {
        if (_receivers is null)
            return;

        await using var host = await BridgeTestHost.StartAsync(_rabbit, _postgres, _receivers, new Dictionary<string, string?>
        {
            ["Bridge:Adapters:Mqtt:embedded:Host"] = _mqtt.Host,
            ["Bridge:Adapters:Mqtt:embedded:Port"] = _mqtt.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bridge:Adapters:Mqtt:embedded:ClientId"] = "it-sensors-" + Guid.NewGuid().ToString("N")[..8],
            ["Bridge:Systems:wms-b:BaseUrl"] = new Uri(_receivers.BaseUrl, "/wms-b").AbsoluteUri,
            ["Bridge:ApiKeys:wms-b"] = "it-wms-b-key",
        });
        await host.Services.GetRequiredKeyedService<Bridge.Adapters.Mqtt.MqttConnection>("embedded").Connected.WaitAsync(Wait);
        using var sensor = await MqttTestBroker.ConnectAsync(_mqtt.Host, _mqtt.Port);

        // A fill level above the reorder point first: 75 % of max 120 = 90 pieces, visible through the API.
        await MqttTestBroker.PublishAsync(sensor, Topic, "75");
        await UntilAsync(host, v => v["quantity"]?.GetValue<decimal>() == 90m);

        // Then the sensor chatters around the reorder point (40 pieces = 33.3 %): 30 % → 36, 35 % → 42, 32 % → 38.4 …
        string[] levels = ["30", "35", "32", "34", "31"];
        for (var i = 0; i < 200; i++)
            await MqttTestBroker.PublishAsync(sensor, Topic, levels[i % levels.Length]);

        var request = await _receivers.NextAsync("wms-b", Wait);
        request.Path.ShouldBe("/import/replenishment/RP-L1-ST03-0001.csv");
        // Readings received in the same millisecond carry the same time, so which of them is applied last is not fixed:
        // the level is one of the chattered ones, and the one request stays open.
        var view = await UntilAsync(host, v => v["openRequest"] is not null && v["quantity"]?.GetValue<decimal>() < 90m);
        view["openRequest"]!["replenishmentId"]!.GetValue<string>().ShouldBe("RP-L1-ST03-0001");
        new[] { 36m, 42m, 38.4m, 40.8m, 37.2m }.ShouldContain(view["quantity"]!.GetValue<decimal>());

        // Exactly one request while it chattered: nothing else reached the WMS.
        await Should.ThrowAsync<TimeoutException>(() => _receivers.NextAsync("wms-b", TimeSpan.FromSeconds(2)));
    }
}
