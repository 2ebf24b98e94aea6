using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Bridge.Tests.Infrastructure;

/// <summary>Reads the test RabbitMQ's management API (BRIDGE_TEST_RABBITMQ_MANAGEMENT).</summary>
public static class RabbitMqManagement
{
    /// <summary>One queue as the management API reports it (<paramref name="Type"/>: classic or quorum).</summary>
    public sealed record Queue(string Name, string Type, bool AutoDelete, int Consumers, long Messages);

    /// <summary>The queues of the virtual host <paramref name="amqpUri"/> points at.</summary>
    public static async Task<IReadOnlyList<Queue>> QueuesAsync(string amqpUri)
    {
        var vhost = Uri.UnescapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));
        var management = new Uri(TestServers.RabbitMqManagement!);
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        var queues = JsonNode.Parse(await http.GetStringAsync($"/api/queues/{Uri.EscapeDataString(vhost)}?columns=name,type,auto_delete,consumers,messages"))!.AsArray();
        return queues.Select(q => new Queue(
            (string)q!["name"]!,
            (string?)q["type"] ?? "classic",
            q["auto_delete"]?.GetValue<bool>() ?? false,
            q["consumers"]?.GetValue<int>() ?? 0,
            q["messages"]?.GetValue<long>() ?? 0)).ToList();
    }
}
