using System.Text;
using Bridge.Host.Demo;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Bridge.Tests.Persistence;
using RabbitMQ.Client;
using static Bridge.Tests.Integration.InboundCalls;

namespace Bridge.Tests.ScaleOut;

/// <summary>
/// <c>Bridge:RabbitMq:QueueType: quorum</c> on the real broker: every queue Bridge declares for its endpoints (and the
/// <c>_error</c> queue MassTransit declares beside one) is a quorum queue, and a material request flows through them.
/// </summary>
[Trait("Category", "Integration")]
[Collection(HostCollection.Name)]
public sealed class QuorumQueueTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task QuorumSetting_DeclaresEveryEndpointQueueAsQuorum_AndAMaterialRequestFlows()
    {
        if (!TestServers.Available)
            return;
        var rabbit = await TestServers.CreateVirtualHostAsync("quorum");
        var postgres = await TestServers.CreateDatabaseAsync("quorum");
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        var wms = new SimulatedWarehouse();
        await using var host = await BridgeTestHost.StartAsync(rabbit, postgres, receivers,
            new Dictionary<string, string?> { ["Bridge:RabbitMq:QueueType"] = "quorum" });

        await PlantSeed.SeedAsync(host, wms, "000001007001", 10);
        await Accepted(host.PostAsync("mes", "material-request", DemoPayloads.MaterialRequest("MR-Q-1", "1007001", 10)));
        var pickList = await receivers.NextAsync("wms-a", Wait);
        await Accepted(host.PostAsync("wms-a", "pick-confirmation", wms.Confirm(pickList.Body).Confirmation));
        (await receivers.NextAsync("mes", Wait)).Path.ShouldBe("/mes/api/material-requests/MR-Q-1/deliveries");

        // A message no deserializer can read goes to the endpoint's _error queue, which MassTransit declares on first use.
        await SendUnreadableAsync(rabbit, "bridge-scheduler");
        var queues = await WaitForQueueAsync(rabbit, "bridge-scheduler_error");

        var endpoints = queues.Where(q => !q.AutoDelete).ToList();
        endpoints.Count.ShouldBeGreaterThan(10);
        endpoints.Where(q => q.Type != "quorum").Select(q => q.Name).ShouldBeEmpty();
        endpoints.ShouldContain(q => q.Name == "bridge-material-request-state");
        endpoints.ShouldContain(q => q.Name == "bridge-scheduler_error");
        // The bus's own response endpoint is auto-delete, which a quorum queue cannot be: it stays classic and holds no work.
        queues.Where(q => q.AutoDelete).ShouldAllBe(q => q.Type == "classic");
    }

    [Fact]
    public async Task DefaultSetting_DeclaresClassicQueues()
    {
        if (!TestServers.Available)
            return;
        var rabbit = await TestServers.CreateVirtualHostAsync("classic");
        var postgres = await TestServers.CreateDatabaseAsync("classic");
        await using var receivers = await SimulatedSystems.StartAsync("mes", "wms-a");
        await using var host = await BridgeTestHost.StartAsync(rabbit, postgres, receivers);

        var queues = await RabbitMqManagement.QueuesAsync(rabbit);
        queues.ShouldContain(q => q.Name == "bridge-material-request-state");
        queues.ShouldAllBe(q => q.Type == "classic");
    }

    private static async Task SendUnreadableAsync(string rabbit, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbit) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync("", queue, false, properties, Encoding.UTF8.GetBytes("{ not json"));
    }

    private static async Task<IReadOnlyList<RabbitMqManagement.Queue>> WaitForQueueAsync(string rabbit, string name)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var queues = await RabbitMqManagement.QueuesAsync(rabbit);
            if (queues.Any(q => q.Name == name))
                return queues;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{name} was not declared within {Wait}; queues: {string.Join(", ", queues.Select(q => q.Name))}");
            await Task.Delay(100);
        }
    }
}
