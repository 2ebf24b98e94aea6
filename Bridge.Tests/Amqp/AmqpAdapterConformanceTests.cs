using System.Collections.Concurrent;
using System.Text;
using Bridge.Adapters.Amqp;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Tests.Adapters;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Bridge.Tests.Amqp;

public sealed class AmqpAdapterConformanceTests : AdapterConformanceTests<AmqpAdapterOptions>
{
    protected override string Kind => "amqp";

    protected override IBridgeBuilder AddAdapter(IBridgeBuilder builder, string name, Action<AmqpAdapterOptions>? configure) =>
        builder.AddAmqpAdapter(name, configure);

    protected override void MakeValid(AmqpAdapterOptions options) => options.Uri = "";

    protected override void MakeInvalid(AmqpAdapterOptions options) => options.Uri = "http://127.0.0.1/";

    protected override string InvalidMessage(string name) => $"amqp adapter '{name}': Uri must be an amqp:// or amqps:// URI, was 'http://127.0.0.1/'";

    protected override void Mark(AmqpAdapterOptions options, int mark) => options.Prefetch = (ushort)(100 + mark);

    protected override int MarkOf(AmqpAdapterOptions options) => options.Prefetch - 100;

    protected override async Task<IAdapterPeer<AmqpAdapterOptions>?> StartPeerAsync()
    {
        if (TestServers.RabbitMq is null || TestServers.RabbitMqManagement is null)
            return null;
        return await AmqpPeer.StartAsync(new Uri(await TestServers.CreateVirtualHostAsync("amqp-conf")));
    }

    /// <summary>The system's own RabbitMQ: it publishes to its exchange (inbound) and reads what Bridge publishes to another (outbound).</summary>
    internal sealed class AmqpPeer : IAdapterPeer<AmqpAdapterOptions>
    {
        private readonly IConnection _connection;
        private readonly IChannel _channel;
        private readonly ConcurrentQueue<BasicDeliverEventArgs> _received = new();

        private AmqpPeer(Uri vhost, IConnection connection, IChannel channel)
        {
            Vhost = vhost;
            _connection = connection;
            _channel = channel;
        }

        public Uri Vhost { get; }

        public IChannel Channel => _channel;

        public static async Task<AmqpPeer> StartAsync(Uri vhost)
        {
            var connection = await new ConnectionFactory { Uri = vhost }.CreateConnectionAsync();
            var channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeclareAsync("scada.events", ExchangeType.Topic, durable: true);
            await channel.ExchangeDeclareAsync("scada.commands", ExchangeType.Topic, durable: true);
            await channel.QueueDeclareAsync("scada.inbox", durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync("scada.inbox", "scada.commands", "#");
            var peer = new AmqpPeer(vhost, connection, channel);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, e) =>
            {
                peer._received.Enqueue(e);
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync("scada.inbox", autoAck: true, consumer);
            return peer;
        }

        public void Configure(AmqpAdapterOptions options)
        {
            options.Uri = Vhost.AbsoluteUri.Replace("guest:guest@", "guest@", StringComparison.Ordinal);
            options.PasswordEnv = "BRIDGE_TEST_AMQP_PASSWORD";
            Environment.SetEnvironmentVariable("BRIDGE_TEST_AMQP_PASSWORD", "guest");
            options.Queues.Add(new AmqpQueueOptions { Queue = "bridge.scada", Declare = true, Exchange = "scada.events", RoutingKey = "bin.*.level", System = "scada", MessageType = "bin-level" });
        }

        public async Task ProduceInboundAsync(IServiceProvider adapter, string marker)
        {
            await adapter.GetRequiredKeyedService<AmqpConnection>("peer").Connected.WaitAsync(TimeSpan.FromSeconds(15));
            await PublishAsync("bin.L2.level", $$"""{"binId":"{{marker}}"}""", "R-" + marker);
        }

        public async Task PublishAsync(string routingKey, string body, string? readingId)
        {
            var properties = new BasicProperties { ContentType = "application/json", Persistent = true };
            if (readingId is not null)
                properties.Headers = new Dictionary<string, object?> { ["reading-id"] = Encoding.UTF8.GetBytes(readingId) };
            await _channel.BasicPublishAsync("scada.events", routingKey, false, properties, Encoding.UTF8.GetBytes(body));
        }

        public OutboundEnvelope Outbound(string marker) => new(
            "scada", "scada.commands/bin.refill", "application/json", Encoding.UTF8.GetBytes($$"""{"refill":"{{marker}}"}"""),
            new Dictionary<string, string> { ["x-marker"] = marker }, new Dictionary<string, string>(), new Dictionary<string, string>(), "key-" + marker);

        public async Task AssertReceivedAsync(string marker)
        {
            await Telemetry.TelemetryPipelineTests.WaitUntilAsync(() => !_received.IsEmpty);
            var delivery = _received.Single();
            Encoding.UTF8.GetString(delivery.Body.Span).ShouldBe($$"""{"refill":"{{marker}}"}""");
            delivery.RoutingKey.ShouldBe("bin.refill");
            delivery.BasicProperties.Persistent.ShouldBeTrue();
            delivery.BasicProperties.MessageId.ShouldBe("key-" + marker);
            Encoding.UTF8.GetString((byte[])delivery.BasicProperties.Headers!["x-marker"]!).ShouldBe(marker);
        }

        public async ValueTask DisposeAsync()
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
