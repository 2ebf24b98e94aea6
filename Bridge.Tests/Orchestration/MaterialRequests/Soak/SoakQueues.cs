using System.Text;
using System.Text.Json.Nodes;
using Bridge.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Bridge.Tests.Orchestration.MaterialRequests.Soak;

/// <summary>The queues of the soak's virtual host (names from the management API, counts from a passive declare, which is current).</summary>
internal static class SoakQueues
{
    public static async Task<IReadOnlyList<string>> ListAsync(string amqpUri) =>
        (await RabbitMqManagement.QueuesAsync(amqpUri)).Select(q => q.Name).ToList();

    /// <summary>The queues that hold ready messages now, with their counts.</summary>
    public static async Task<IReadOnlyDictionary<string, uint>> WaitingAsync(string amqpUri, IEnumerable<string> queues)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        var waiting = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync();
            var count = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            if (count > 0)
            {
                waiting[queue] = count;
            }
        }

        return waiting;
    }

    /// <summary>The message types (and, for a fault, its reason) of what sits in a queue, for a failure message; nothing is taken out.</summary>
    public static async Task<IReadOnlyList<string>> PeekAsync(string amqpUri, string queue, int limit)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var seen = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            var result = await channel.BasicGetAsync(queue, autoAck: false);
            if (result is null)
            {
                break;
            }

            var body = JsonNode.Parse(Encoding.UTF8.GetString(result.Body.Span));
            var reason = result.BasicProperties.Headers?.TryGetValue("MT-Fault-Message", out var fault) == true && fault is byte[] bytes
                ? " — " + Encoding.UTF8.GetString(bytes)
                : "";
            seen.Add($"{body?["messageType"]?[0]} {body?["message"]?.ToJsonString()}{reason}");
        }

        return seen;
    }
}
