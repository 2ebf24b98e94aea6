using Bridge.Adapters.Amqp;
using Bridge.Adapters.Hosting;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bridge.Tests.Amqp;

/// <summary>A queue the AMQP adapter declares takes its <see cref="AmqpQueueOptions.QueueType"/>: quorum on a cluster.</summary>
public sealed class AmqpQueueTypeTests
{
    [Fact]
    public async Task DeclaredQueue_WithQueueTypeQuorum_IsAQuorumQueue_AndIsConsumed()
    {
        if (TestServers.RabbitMq is null || TestServers.RabbitMqManagement is null)
            return;
        var vhost = await TestServers.CreateVirtualHostAsync("amqp-quorum");
        await using var peer = await AmqpAdapterConformanceTests.AmqpPeer.StartAsync(new Uri(vhost));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var sink = new CountingSink();
        builder.Services.AddSingleton<Bridge.Adapters.Envelopes.IEnvelopeSink>(sink);
        new BridgeBuilder(builder.Services).AddAmqpAdapter("peer", options =>
        {
            peer.Configure(options);
            options.Queues[0].QueueType = "quorum";
        });
        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredKeyedService<AmqpConnection>("peer").Connected.WaitAsync(TimeSpan.FromSeconds(15));

        await peer.PublishAsync("bin.L2.level", """{ "binId": "L2-ST01-B" }""", "R-Q");

        await Telemetry.TelemetryPipelineTests.WaitUntilAsync(() => sink.Calls == 1);
        (await RabbitMqManagement.QueuesAsync(vhost)).Single(q => q.Name == "bridge.scada").Type.ShouldBe("quorum");
        await host.StopAsync();
    }

    [Fact]
    public void UnknownQueueType_IsRejectedNamingTheQueue()
    {
        var options = new AmqpAdapterOptions { Uri = "amqp://guest@127.0.0.1:5672/" };
        options.Queues.Add(new AmqpQueueOptions { Queue = "q", System = "scada", MessageType = "bin-level", Declare = true, QueueType = "stream" });

        var result = new AmqpAdapterOptionsValidator().Validate("scada", options);

        result.Failures.ShouldHaveSingleItem().ShouldBe("amqp adapter 'scada': Queues[0]: QueueType must be classic or quorum, was 'stream'");
    }

    private sealed class CountingSink : Bridge.Adapters.Envelopes.IEnvelopeSink
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<Bridge.Adapters.Envelopes.EnvelopeReceipt> AcceptAsync(Bridge.Adapters.Envelopes.InboundEnvelope envelope, CancellationToken ct)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(Bridge.Adapters.Envelopes.EnvelopeReceipt.Taken);
        }
    }
}
