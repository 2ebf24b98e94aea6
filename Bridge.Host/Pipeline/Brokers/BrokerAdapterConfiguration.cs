using System.Globalization;
using Bridge.Adapters.Amqp;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.Mqtt;
using Bridge.Adapters.Mqtt.Embedded;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Mappings;
using Bridge.Mappings.Diagnostics;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Pipeline.Brokers;

/// <summary>
/// Registers the MQTT broker connections systems.yaml names (<c>receive:</c>/<c>send:</c> with
/// <c>adapter: mqtt</c>) and, in embedded mode, the in-process broker they reach by default. A receive binding is one
/// subscription: <c>{ adapter: mqtt, instance: embedded, topic: "plant/+/bin/+/level", messageType: bin-level, qos: 1 }</c>.
/// The AMQP connections likewise: <c>{ adapter: amqp, instance: scada, queue: …, declare: "true", exchange: …, routingKey: …, queueType: classic|quorum, messageType: … }</c>.
/// Returns every problem with the binding's file, line and column.
/// </summary>
public static class BrokerAdapterConfiguration
{
    public const string Mqtt = "mqtt";

    public const string Amqp = "amqp";

    /// <summary>The MQTT instance that connects to the embedded broker by default.</summary>
    public const string EmbeddedInstance = "embedded";

    public static IReadOnlyList<ConfigurationError> AddBrokerAdapters(IServiceCollection services, IReadOnlyCollection<SystemDefinition> systems, MappingSet? mappings)
    {
        var problems = new List<ConfigurationError>();
        var builder = new BridgeBuilder(services);
        AddAmqpAdapters(builder, systems, mappings, problems);
        var mqttBindings = systems
            .SelectMany(s => new[] { (System: s, Binding: s.Inbound, Inbound: true), (System: s, Binding: s.Outbound!, Inbound: false) })
            .Where(b => b.Binding is { Adapter: Mqtt })
            .ToList();
        if (mqttBindings.Count == 0)
            return problems;


        builder.AddMqttEmbeddedBroker();
        services.AddOptions<MqttEmbeddedBrokerOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            if (BridgeModeSetting.Read(configuration) == BridgeMode.Production && configuration[$"{MqttEmbeddedBrokerOptions.SectionName}:Enabled"] is null)
                o.Enabled = false;
        });

        foreach (var instance in mqttBindings.GroupBy(b => b.Binding.Instance, StringComparer.Ordinal))
        {
            var subscriptions = new List<MqttSubscriptionOptions>();
            foreach (var (system, binding, _) in instance.Where(b => b.Inbound))
            {
                if (Subscription(system, binding, mappings, problems) is { } subscription)
                    subscriptions.Add(subscription);
            }

            builder.AddMqttAdapter(instance.Key, o => o.Subscriptions.AddRange(subscriptions));
        }

        // The instance named "embedded" reaches the in-process broker wherever its port was moved, unless told otherwise;
        // with the broker off (production) and no broker of its own configured, it stays off instead of retrying nothing.
        services.AddOptions<MqttAdapterOptions>(EmbeddedInstance).Configure<IConfiguration, IOptions<MqttEmbeddedBrokerOptions>>((o, configuration, broker) =>
        {
            var section = $"Bridge:Adapters:Mqtt:{EmbeddedInstance}";
            if (configuration[$"{section}:Port"] is null)
                o.Port = broker.Value.Port;
            if (!broker.Value.Enabled && configuration[$"{section}:Host"] is null && configuration[$"{section}:Port"] is null)
            {
                var systems = string.Join(", ", mqttBindings.Where(b => b.Binding.Instance == EmbeddedInstance).Select(b => b.System.Id).Distinct(StringComparer.Ordinal));
                o.OffReason = $"the embedded broker is off ({MqttEmbeddedBrokerOptions.SectionName}:Enabled) and {section}:Host is not set; " +
                    $"systems bound to it ({systems}) receive nothing until one of them is";
            }
        });

        return problems;
    }

    private static void AddAmqpAdapters(BridgeBuilder builder, IReadOnlyCollection<SystemDefinition> systems, MappingSet? mappings, List<ConfigurationError> problems)
    {
        var bindings = systems
            .SelectMany(s => new[] { (System: s, Binding: s.Inbound, Inbound: true), (System: s, Binding: s.Outbound!, Inbound: false) })
            .Where(b => b.Binding is { Adapter: Amqp })
            .ToList();
        foreach (var instance in bindings.GroupBy(b => b.Binding.Instance, StringComparer.Ordinal))
        {
            var queues = new List<AmqpQueueOptions>();
            foreach (var (system, binding, _) in instance.Where(b => b.Inbound))
            {
                var at = $"system '{system.Id}': receive over amqp";
                if (!binding.Settings.TryGetValue("queue", out var queue) || !binding.Settings.TryGetValue("messageType", out var messageType))
                {
                    problems.Add(binding.Location with { Message = $"{at} needs queue: and messageType:" });
                    continue;
                }

                if (mappings is not null && mappings.FindInbound(system.Id, messageType) is null)
                    problems.Add(binding.Location with { Message = $"{at}: no inbound mapping for '{system.Id}/{messageType}'" });
                queues.Add(new AmqpQueueOptions
                {
                    Queue = queue,
                    Declare = binding.Settings.GetValueOrDefault("declare") == "true",
                    Exchange = binding.Settings.GetValueOrDefault("exchange"),
                    RoutingKey = binding.Settings.GetValueOrDefault("routingKey") ?? "#",
                    QueueType = binding.Settings.GetValueOrDefault("queueType") ?? "classic",
                    System = system.Id,
                    MessageType = messageType,
                    ContentType = binding.Settings.GetValueOrDefault("contentType") ?? "application/json",
                });
            }

            builder.AddAmqpAdapter(instance.Key, o => o.Queues.AddRange(queues));
        }
    }

    private static MqttSubscriptionOptions? Subscription(SystemDefinition system, AdapterBinding binding, MappingSet? mappings, List<ConfigurationError> problems)
    {
        var at = $"system '{system.Id}': receive over mqtt";
        binding.Settings.TryGetValue("topic", out var topic);
        binding.Settings.TryGetValue("messageType", out var messageType);
        if (string.IsNullOrEmpty(topic) || MqttTopics.FilterProblem(topic) is not null)
        {
            problems.Add(binding.Location with { Message = $"{at} needs topic: a topic filter ({(topic is null ? "none given" : MqttTopics.FilterProblem(topic))})" });
            return null;
        }

        if (string.IsNullOrEmpty(messageType))
        {
            problems.Add(binding.Location with { Message = $"{at} needs messageType: the message type its inbound mapping is found by" });
            return null;
        }

        if (mappings is not null && mappings.FindInbound(system.Id, messageType) is null)
            problems.Add(binding.Location with { Message = $"{at}: no inbound mapping for '{system.Id}/{messageType}'" });

        var qos = 1;
        if (binding.Settings.TryGetValue("qos", out var q) && (!int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out qos) || qos > 2))
        {
            problems.Add(binding.Location with { Message = $"{at}: qos '{q}' is not 0, 1 or 2" });
            return null;
        }

        return new MqttSubscriptionOptions
        {
            Topic = topic,
            System = system.Id,
            MessageType = messageType,
            Qos = qos,
            ContentType = binding.Settings.GetValueOrDefault("contentType") ?? "text/plain",
        };
    }
}
