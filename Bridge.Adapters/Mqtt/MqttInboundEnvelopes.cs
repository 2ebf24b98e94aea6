using System.Buffers;
using System.Globalization;
using Bridge.Adapters.Envelopes;
using MQTTnet;

namespace Bridge.Adapters.Mqtt;

/// <summary>
/// Turns a received MQTT message into an <see cref="InboundEnvelope"/>. Metadata for mappings: <c>topic</c>, each
/// level as <c>topic.0</c>, <c>topic.1</c>…, the levels the filter's wildcards matched as <c>wildcard.0</c>…,
/// <c>filter</c>, <c>qos</c>, <c>retain</c>, <c>dup</c>, <c>receivedAt</c> (UTC, ISO 8601), and for MQTT 5
/// <c>userProperty.&lt;name&gt;</c>, <c>responseTopic</c>, <c>contentType</c>.
/// </summary>
public static class MqttInboundEnvelopes
{
    // Every reading carries these keys: made once, not per message.
    private static readonly string[] TopicKeys = Keys("topic.");
    private static readonly string[] WildcardKeys = Keys("wildcard.");

    public static (MqttSubscriptionOptions Subscription, IReadOnlyList<string> Wildcards)? Find(IEnumerable<MqttSubscriptionOptions> subscriptions, string topic)
    {
        foreach (var subscription in subscriptions)
        {
            if (MqttTopics.Match(subscription.Topic, topic) is { } wildcards)
                return (subscription, wildcards);
        }

        return null;
    }

    public static InboundEnvelope Create(MqttSubscriptionOptions subscription, IReadOnlyList<string> wildcards, MqttApplicationMessage message, DateTimeOffset receivedAt)
    {
        var levels = message.Topic.Split('/');
        var metadata = new Dictionary<string, string>(8 + levels.Length + wildcards.Count + (message.UserProperties?.Count ?? 0), StringComparer.Ordinal)
        {
            ["topic"] = message.Topic,
            ["filter"] = subscription.Topic,
            ["qos"] = ((int)message.QualityOfServiceLevel).ToString(CultureInfo.InvariantCulture),
            ["retain"] = message.Retain ? "true" : "false",
            ["dup"] = message.Dup ? "true" : "false",
            ["receivedAt"] = MqttConnection.Iso(receivedAt),
        };
        for (var i = 0; i < levels.Length; i++)
            metadata[Key(TopicKeys, "topic.", i)] = levels[i];
        for (var i = 0; i < wildcards.Count; i++)
            metadata[Key(WildcardKeys, "wildcard.", i)] = wildcards[i];
        foreach (var property in message.UserProperties ?? [])
            metadata["userProperty." + property.Name] = System.Text.Encoding.UTF8.GetString(property.ValueBuffer.Span);
        if (!string.IsNullOrEmpty(message.ResponseTopic))
            metadata["responseTopic"] = message.ResponseTopic;
        if (!string.IsNullOrEmpty(message.ContentType))
            metadata["contentType"] = message.ContentType;

        var contentType = string.IsNullOrEmpty(message.ContentType) ? subscription.ContentType : message.ContentType;
        return new InboundEnvelope("mqtt", subscription.System, subscription.MessageType, contentType, message.Payload.ToArray(), metadata);
    }

    private static string[] Keys(string prefix) => Enumerable.Range(0, 16).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string Key(string[] known, string prefix, int i) => i < known.Length ? known[i] : prefix + i.ToString(CultureInfo.InvariantCulture);
}
