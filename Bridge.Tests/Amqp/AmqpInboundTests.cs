using System.Collections.Concurrent;
using Bridge.Adapters.Amqp;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Contracts.Messages;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Mappings;
using Bridge.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Bridge.Tests.Amqp;

/// <summary>An AMQP system's messages in its own format through the adapter and the shipped scada mapping; a poison message.</summary>
public sealed class AmqpInboundTests
{
    [Fact]
    public async Task OwnFormat_WithItsHeader_MapsToBinLevelReported_AndAPoisonMessageIsDeadLetteredOnce_NotRequeued()
    {
        if (TestServers.RabbitMq is null || TestServers.RabbitMqManagement is null)
            return;
        await using var peer = await AmqpAdapterConformanceTests.AmqpPeer.StartAsync(new Uri(await TestServers.CreateVirtualHostAsync("amqp-in")));
        var sink = new MappingSink();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IEnvelopeSink>(sink);
        new BridgeBuilder(builder.Services).AddAmqpAdapter("peer", peer.Configure);
        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredKeyedService<AmqpConnection>("peer").Connected.WaitAsync(TimeSpan.FromSeconds(15));

        await peer.PublishAsync("bin.L2.level", """{ "binId": "L2-ST01-B", "partNo": "C-220", "fill": 63.5, "ts": "2026-11-22T15:31:02Z" }""", "R-1");
        await peer.PublishAsync("bin.L2.level", "this is not JSON", "R-2");
        await peer.PublishAsync("bin.L2.level", """{ "binId": "L2-ST01-B", "fill": 64, "ts": "2026-11-22T15:32:02Z" }""", readingId: null);

        await TelemetryPipelineTests.WaitUntilAsync(() => sink.Calls == 3);
        var reading = sink.Mapped.ShouldHaveSingleItem().ShouldBeOfType<BinLevelReported>();
        reading.Location.ShouldBe("L2-ST01-B");
        reading.Value.ShouldBe(63.5m);
        sink.DeadLettered.Count.ShouldBe(2);

        // Both refusals were acknowledged: nothing is left in (or comes back to) the queue.
        var probe = await peer.Channel.QueueDeclarePassiveAsync("bridge.scada");
        probe.MessageCount.ShouldBe(0u);
        await host.StopAsync();
        sink.Calls.ShouldBe(3);
    }

    /// <summary>Maps with the shipped scada mapping; a failure is "kept as a dead letter" (receipt not accepted), as the host does.</summary>
    private sealed class MappingSink : IEnvelopeSink
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ConcurrentQueue<object> Mapped { get; } = new();

        public ConcurrentQueue<InboundEnvelope> DeadLettered { get; } = new();

        // A call is counted once its outcome is recorded, so a test that waits for the count sees every outcome.
        public Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
        {
            try
            {
                return Task.FromResult(Take(envelope));
            }
            finally
            {
                Interlocked.Increment(ref _calls);
            }
        }

        private EnvelopeReceipt Take(InboundEnvelope envelope)
        {
            var result = ShippedMappings.Set.FindInbound(envelope.System, envelope.MessageType)!.Map(envelope.Body, envelope.ContentType, envelope.Metadata);
            if (result.Errors.Count > 0)
            {
                DeadLettered.Enqueue(envelope);
                return new EnvelopeReceipt(false, result.Errors[0].Message, Guid.NewGuid());
            }

            foreach (var message in result.Messages)
                Mapped.Enqueue(message.Message);
            return EnvelopeReceipt.Taken;
        }
    }
}
