using System.Text.Json;

namespace Bridge.Faults.Harness;

/// <summary>The consumer count in a queue's JSON from RabbitMQ's management API (<c>GET /api/queues/{vhost}/{name}</c>).</summary>
public static class QueueConsumerCount
{
    /// <summary>
    /// 0 when the JSON has no count. A quorum queue's JSON can name a key twice ("online", seen after a node's
    /// restart): JsonObject refuses that, JsonDocument reads it.
    /// </summary>
    public static int Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("consumers", out var consumers)
            && consumers.ValueKind == JsonValueKind.Number
            ? consumers.GetInt32()
            : 0;
    }
}
