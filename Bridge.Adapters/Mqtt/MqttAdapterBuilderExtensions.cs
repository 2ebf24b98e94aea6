using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.Mqtt.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bridge.Adapters.Mqtt;

public static class MqttAdapterBuilderExtensions
{
    /// <summary>
    /// Registers a named broker connection: options from <c>Bridge:Adapters:Mqtt:{name}</c> (then
    /// <paramref name="configure"/>), validated at start; a keyed <see cref="MqttConnection"/> run by a hosted service
    /// that hands what it receives to the host's <see cref="IEnvelopeSink"/>; a keyed <see cref="MqttOutboundSender"/>
    /// under <see cref="AdapterKey.For"/>("mqtt", <paramref name="name"/>); and the health check <c>mqtt-{name}</c>.
    /// </summary>
    public static IBridgeBuilder AddMqttAdapter(this IBridgeBuilder builder, string name, Action<MqttAdapterOptions>? configure = null)
    {
        builder.Services.AddOptions<MqttAdapterOptions>(name)
            .BindConfiguration($"Bridge:Adapters:Mqtt:{name}")
            .Configure(o => configure?.Invoke(o))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttAdapterOptions>, MqttAdapterOptionsValidator>());
        builder.Services.AddKeyedSingleton(name, (sp, _) => new MqttConnection(
            name,
            sp.GetRequiredService<IOptionsMonitor<MqttAdapterOptions>>().Get(name),
            sp.GetRequiredService<IEnvelopeSink>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bridge.Adapters.Mqtt." + name),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton<IHostedService>(sp => new MqttConnectionService(sp.GetRequiredKeyedService<MqttConnection>(name)));
        builder.Services.AddSingleton<IAdapterConnection>(sp => sp.GetRequiredKeyedService<MqttConnection>(name));
        builder.Services.AddKeyedSingleton<IEnvelopeSender>(AdapterKey.For("mqtt", name), (sp, _) => new MqttOutboundSender(
            sp.GetRequiredKeyedService<MqttConnection>(name),
            sp.GetRequiredService<IOptionsMonitor<MqttAdapterOptions>>().Get(name),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bridge.Adapters.Mqtt." + name)));
        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            "mqtt-" + name, sp => new MqttConnectionHealthCheck(sp.GetRequiredKeyedService<MqttConnection>(name)), null, ["adapters"]));
        return builder;
    }

    /// <summary>
    /// Starts an in-process MQTT broker (MQTTnet) on 127.0.0.1 with persistent sessions, options from
    /// <c>Bridge:Mqtt:EmbeddedBroker</c>. Registered before the adapters so it listens before they connect.
    /// </summary>
    public static IBridgeBuilder AddMqttEmbeddedBroker(this IBridgeBuilder builder, Action<MqttEmbeddedBrokerOptions>? configure = null)
    {
        builder.Services.AddOptions<MqttEmbeddedBrokerOptions>()
            .BindConfiguration(MqttEmbeddedBrokerOptions.SectionName)
            .Configure(o => configure?.Invoke(o));
        builder.Services.TryAddSingleton<MqttEmbeddedBroker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MqttEmbeddedBroker>());
        return builder;
    }
}
