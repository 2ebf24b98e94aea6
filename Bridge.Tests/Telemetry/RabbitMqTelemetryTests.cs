using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Mqtt;
using Bridge.Contracts.Messages;
using Bridge.Host.Pipeline.Telemetry;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Mqtt;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Bridge.Tests.Telemetry;

/// <summary>The telemetry path on the RabbitMQ ./test.sh starts, reached through a proxy the test cuts and restores.</summary>
public sealed class RabbitMqTelemetryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task BusCutWhileSensorsPublish_EverythingArrivesAfter_InOrder_NothingTwice()
    {
        if (TestServers.RabbitMq is null || TestServers.RabbitMqManagement is null)
            return;
        var vhost = new Uri(await TestServers.CreateVirtualHostAsync("telemetry"));
        await using var proxy = new TcpProxy(vhost.Host, vhost.Port);
        var throughProxy = new UriBuilder(vhost) { Port = proxy.Port }.Uri;
        await using var consumer = await CountingConsumer.StartAsync(vhost, "bridge.bin-level-reported");
        var folder = Directory.CreateTempSubdirectory("bridge-telemetry-it-").FullName;
        await using var publisher = new RabbitMqTelemetryPublisher(throughProxy, NullLogger<RabbitMqTelemetryPublisher>.Instance);
        await using var pipeline = new TelemetryPipeline(publisher,
            new TelemetryOptions { BufferDirectory = folder, BatchSize = 100, RetryDelay = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System, NullLogger<TelemetryPipeline>.Instance);
        pipeline.Start();
        var encoder = new TelemetryEnvelopeEncoder(TimeProvider.System);

        const int total = 3000;
        for (var i = 0; i < total; i++)
        {
            if (i == 1000)
                proxy.Cut();
            if (i == 2500)
                proxy.Restore();
            // Every reading is taken (confirmed or buffered) before the next: what a sensor with QoS 1 waits for.
            await pipeline.TakeAsync([encoder.Encode(Reading(i))], CancellationToken.None).WaitAsync(Timeout);
        }

        await consumer.WaitForAsync(total, Timeout);
        consumer.Values.ShouldBe(Enumerable.Range(0, total).Select(i => (decimal)i));
        consumer.MessageIds.Distinct().Count().ShouldBe(total);
        pipeline.Buffered.ShouldBe(0);
    }

    [Fact]
    public async Task BridgeKilledMidStream_NothingAcknowledgedIsLost_TheBrokerRedeliversTheRest()
    {
        if (MqttTestBroker.Shared is not { } broker || TestServers.RabbitMq is null || TestServers.RabbitMqManagement is null)
            return;
        var vhost = new Uri(await TestServers.CreateVirtualHostAsync("telemetry-kill"));
        await using var consumer = await CountingConsumer.StartAsync(vhost, "bridge.bin-level-reported");
        var folder = Directory.CreateTempSubdirectory("bridge-telemetry-kill-").FullName;
        var root = "kill/" + Guid.NewGuid().ToString("N");
        var clientId = "kill-" + Guid.NewGuid().ToString("N")[..8];
        const int total = 400;

        // First life: the bus never confirms past the first 100 (held), then the process "dies": the pipeline and the
        // MQTT connection are torn down with readings received but not confirmed, so not acknowledged.
        var held = new HoldingPublisher(new RabbitMqTelemetryPublisher(vhost, NullLogger<RabbitMqTelemetryPublisher>.Instance), allow: 100);
        var first = new TelemetryPipeline(held, new TelemetryOptions { BufferDirectory = folder, BatchSize = 20 }, TimeProvider.System, NullLogger<TelemetryPipeline>.Instance);
        first.Start();
        var firstAdapter = await MqttAdapterHarness.StartAsync(new PipelineSink(first), o => Configure(o, broker, clientId, root));
        using (var sensor = await MqttTestBroker.ConnectAsync(broker.Host, broker.Port))
        {
            for (var i = 0; i < total; i++)
                await MqttTestBroker.PublishAsync(sensor, root + "/bin", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await consumer.WaitForAsync(100, Timeout);
        await first.DisposeAsync();
        await firstAdapter.DisposeAsync();

        // Second life on the same session and buffer folder.
        await using var publisher = new RabbitMqTelemetryPublisher(vhost, NullLogger<RabbitMqTelemetryPublisher>.Instance);
        await using var second = new TelemetryPipeline(publisher, new TelemetryOptions { BufferDirectory = folder, BatchSize = 20 }, TimeProvider.System, NullLogger<TelemetryPipeline>.Instance);
        second.Start();
        await using var secondAdapter = await MqttAdapterHarness.StartAsync(new PipelineSink(second), o => Configure(o, broker, clientId, root));

        await consumer.WaitForAsync(total, Timeout);
        consumer.Values.Distinct().Order().ShouldBe(Enumerable.Range(0, total).Select(i => (decimal)i));
    }

    [Fact]
    public async Task BusGoesSilentWithTheConnectionOpen_TheBatchSettlesUnconfirmedWithinTheTimeout_AndTheNextGoesOnANewConnection()
    {
        // Issue 12: the publisher waited on publisher confirms with no limit (the kind of hang the inbound outbox relay
        // had in R2). A frozen proxy keeps the socket open and forwards nothing: confirms never come.
        if (TestServers.RabbitMq is null || TestServers.RabbitMqManagement is null)
            return;
        var vhost = new Uri(await TestServers.CreateVirtualHostAsync("telemetry-silent"));
        await using var proxy = new TcpProxy(vhost.Host, vhost.Port);
        var throughProxy = new UriBuilder(vhost) { Port = proxy.Port }.Uri;
        await using var consumer = await CountingConsumer.StartAsync(vhost, "bridge.bin-level-reported");
        await using var publisher = new RabbitMqTelemetryPublisher(throughProxy, NullLogger<RabbitMqTelemetryPublisher>.Instance)
        {
            AnswerTimeout = TimeSpan.FromMilliseconds(500),
        };
        var encoder = new TelemetryEnvelopeEncoder(TimeProvider.System);
        IReadOnlyList<TelemetryRecord> Batch(int from) => Enumerable.Range(from, 10).Select(i => encoder.Encode(Reading(i))).ToList();

        (await (await publisher.SendAsync(Batch(0), mayReconnect: true, CancellationToken.None)).WaitAsync(Timeout)).ShouldBe(10);
        proxy.Freeze();
        var silent = await publisher.SendAsync(Batch(10), mayReconnect: true, CancellationToken.None).WaitAsync(Timeout);
        (await silent.WaitAsync(Timeout)).ShouldBe(0, "nothing confirmed: the batch is not taken (the pipeline buffers it)");

        // The silent connection is dropped and never forwards what it held; the next batch opens a new one.
        proxy.Cut();
        proxy.Restore();
        proxy.Thaw();
        (await (await publisher.SendAsync(Batch(20), mayReconnect: true, CancellationToken.None)).WaitAsync(Timeout)).ShouldBe(10);
        await consumer.WaitForAsync(20, Timeout);
        consumer.Values.ShouldBe(Enumerable.Range(0, 10).Concat(Enumerable.Range(20, 10)).Select(i => (decimal)i));
    }

    private static void Configure(MqttAdapterOptions o, (string Host, int Port) broker, string clientId, string root)
    {
        o.Host = broker.Host;
        o.Port = broker.Port;
        o.ClientId = clientId;
        o.CleanSession = false;
        o.Subscriptions.Add(new MqttSubscriptionOptions { Topic = root + "/+", System = "sensors", MessageType = "bin-level" });
    }

    private static BinLevelReported Reading(decimal value) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = "B1",
        Source = "sensors",
        OccurredAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000),
        Location = "B1",
        Value = value,
        Unit = "%",
    };

    /// <summary>Feeds the pipeline the reading in the body (what the sensors mapping does, without the mapping).</summary>
    private sealed class PipelineSink(TelemetryPipeline pipeline) : IEnvelopeSink
    {
        private readonly TelemetryEnvelopeEncoder _encoder = new(TimeProvider.System);

        public async Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
        {
            var value = decimal.Parse(Encoding.UTF8.GetString(envelope.Body.Span), System.Globalization.CultureInfo.InvariantCulture);
            await pipeline.TakeAsync([_encoder.Encode(Reading(value))], ct);
            return EnvelopeReceipt.Taken;
        }
    }

    /// <summary>Lets the first <c>allow</c> records through to the real bus, then never answers (a process about to die).</summary>
    private sealed class HoldingPublisher(RabbitMqTelemetryPublisher inner, int allow) : ITelemetryPublisher
    {
        private int _passed;

        public async Task<Task<int>> SendAsync(IReadOnlyList<TelemetryRecord> records, bool mayReconnect, CancellationToken ct)
        {
            var room = allow - _passed;
            if (room <= 0)
            {
                await Task.Delay(System.Threading.Timeout.Infinite, ct);
            }

            var part = records.Take(room).ToList();
            var confirmed = await await inner.SendAsync(part, mayReconnect, ct);
            _passed += confirmed;
            if (confirmed < records.Count)
                await Task.Delay(System.Threading.Timeout.Infinite, ct);
            return Task.FromResult(confirmed);
        }
    }

    /// <summary>A queue bound to the message type's exchange, read with RabbitMQ.Client: values and MessageIds in arrival order.</summary>
    private sealed class CountingConsumer : IAsyncDisposable
    {
        private readonly IConnection _connection;
        private readonly IChannel _channel;
        private readonly ConcurrentQueue<(decimal Value, string Id)> _received = new();

        private CountingConsumer(IConnection connection, IChannel channel)
        {
            _connection = connection;
            _channel = channel;
        }

        public IEnumerable<decimal> Values => _received.Select(r => r.Value);

        public IEnumerable<string> MessageIds => _received.Select(r => r.Id);

        public static async Task<CountingConsumer> StartAsync(Uri vhost, string exchange)
        {
            var connection = await new ConnectionFactory { Uri = vhost }.CreateConnectionAsync();
            var channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            var queue = await channel.QueueDeclareAsync("count-" + Guid.NewGuid().ToString("N"), durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(queue.QueueName, exchange, "");
            var counter = new CountingConsumer(connection, channel);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                try
                {
                    using var json = JsonDocument.Parse(delivery.Body);
                    var message = json.RootElement.GetProperty("message");
                    counter._received.Enqueue((Value(message.GetProperty("value")), json.RootElement.GetProperty("messageId").GetString()!));
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    counter.Error = ex.Message + ": " + Encoding.UTF8.GetString(delivery.Body.Span);
                }

                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
            return counter;
        }

        public string? Error { get; private set; }

        // MassTransit's serializer writes decimals as strings.
        private static decimal Value(JsonElement value) => value.ValueKind == JsonValueKind.String
            ? decimal.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : value.GetDecimal();

        /// <summary>Waits for <paramref name="count"/> distinct readings: a re-delivered reading (at least once) does not count twice.</summary>
        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            try
            {
                await TelemetryPipelineTests.WaitUntilAsync(() => _received.Select(r => r.Value).Distinct().Count() >= count, timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"the consumer got {_received.Count} of {count} messages ({Error})");
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
