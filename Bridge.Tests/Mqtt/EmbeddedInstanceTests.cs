using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Mqtt;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Pipeline.Brokers;
using Bridge.Mappings.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.Mqtt;

/// <summary>
/// The MQTT connections a host opens: only instances a system binding names, and the <c>embedded</c> one only where
/// there is a broker for it (the embedded broker on, or a broker configured for it).
/// </summary>
public sealed class EmbeddedInstanceTests
{
    private static readonly ConfigurationError At = new("systems.yaml", 1, 1, "");

    [Fact]
    public async Task Production_BrokerOff_EmbeddedInstanceStaysOff_AndHealthSaysWhy()
    {
        await using var services = Compose(new() { ["Bridge:Mode"] = "Production" }, Sensors("embedded"));
        var connection = services.GetRequiredKeyedService<MqttConnection>("embedded");

        await StartHostedServicesAsync(services);

        connection.State.ShouldBe(MqttConnectionState.Off);
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "mqtt-embedded");
        var health = report.Entries["mqtt-embedded"];
        health.Status.ShouldBe(HealthStatus.Degraded);
        health.Description!.ShouldContain("the embedded broker is off");
        health.Description!.ShouldContain("systems bound to it (sensors)");
    }

    [Fact]
    public void Production_BrokerOff_EmbeddedInstanceWithItsOwnBroker_IsNotOff()
    {
        using var services = Compose(new()
        {
            ["Bridge:Mode"] = "Production",
            ["Bridge:Adapters:Mqtt:embedded:Host"] = "127.0.0.1",
            ["Bridge:Adapters:Mqtt:embedded:Port"] = "1",
        }, Sensors("embedded"));

        services.GetRequiredService<IOptionsMonitor<MqttAdapterOptions>>().Get("embedded").OffReason.ShouldBeNull();
    }

    [Fact]
    public void Embedded_BrokerOn_EmbeddedInstanceIsNotOff()
    {
        using var services = Compose(new() { ["Bridge:Mode"] = "Embedded" }, Sensors("embedded"));

        services.GetRequiredService<IOptionsMonitor<MqttAdapterOptions>>().Get("embedded").OffReason.ShouldBeNull();
    }

    [Fact]
    public async Task OnlyInstancesABindingNames_AreCreated()
    {
        await using var services = Compose(new() { ["Bridge:Mode"] = "Production" }, Sensors("plant"));

        services.GetKeyedService<MqttConnection>("plant").ShouldNotBeNull();
        services.GetKeyedService<MqttConnection>("embedded").ShouldBeNull();
        services.GetServices<IHostedService>().Count(s => s.GetType().Name == "MqttConnectionService").ShouldBe(1);
    }

    [Fact]
    public void NoMqttBinding_NoConnectionAndNoEmbeddedBroker()
    {
        using var services = Compose(new() { ["Bridge:Mode"] = "Embedded" }, []);

        services.GetKeyedService<MqttConnection>("embedded").ShouldBeNull();
        services.GetServices<IHostedService>().ShouldBeEmpty();
    }

    private static SystemDefinition[] Sensors(string instance) =>
    [
        new SystemDefinition
        {
            Id = "sensors",
            Inbound = new AdapterBinding("mqtt", instance, new Dictionary<string, string>
            {
                ["topic"] = "plant/+/line/+/bin/+/level",
                ["messageType"] = "bin-level",
            }, At),
        },
    ];

    private static ServiceProvider Compose(Dictionary<string, string?> settings, SystemDefinition[] systems)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<IEnvelopeSink>(new CountingSink());
        BrokerAdapterConfiguration.AddBrokerAdapters(services, systems, mappings: null).ShouldBeEmpty();
        return services.BuildServiceProvider();
    }

    private static async Task StartHostedServicesAsync(IServiceProvider services)
    {
        foreach (var service in services.GetServices<IHostedService>())
            await service.StartAsync(CancellationToken.None);
    }
}
