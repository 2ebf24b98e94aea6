using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Mqtt;
using Bridge.Benchmarks.Telemetry;
using Bridge.Contracts.Messages;
using Bridge.Host.Pipeline.Telemetry;
using Bridge.Mappings;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using RabbitMQ.Client;

// Telemetry benchmark: (a) Mosquitto QoS 1 → Bridge MQTT adapter → sensors/bin-level mapping → telemetry pipeline
// (RabbitMQ, persistent, confirms) → counted by a consumer; (b) raw RabbitMQ.Client confirmed publishing of the same
// bytes. Usage: Bridge.Benchmarks.Telemetry <mqtt host:port> <amqp uri> [messages] [config dir]
// Node-RED (c) is not measured yet.
var mqtt = args.Length > 0 ? args[0] : "127.0.0.1:1883";
var rabbit = new Uri(args.Length > 1 ? args[1] : "amqp://guest:guest@127.0.0.1:5672/");
var total = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
var configDir = args.Length > 3 ? args[3] : Path.Combine(AppContext.BaseDirectory, "config");
var (mqttHost, mqttPort) = (mqtt.Split(':')[0], int.Parse(mqtt.Split(':')[1], CultureInfo.InvariantCulture));
const string Exchange = "bridge.bin-level-reported";

var mappings = MappingSet.LoadDirectory(configDir).Set ?? throw new InvalidOperationException("mappings in " + configDir + " are invalid");
var mapping = mappings.FindInbound("sensors", "bin-level")!;

Console.WriteLine($"{total:N0} readings per run; MQTT {mqtt}; RabbitMQ {rabbit.Host}:{rabbit.Port}");
Console.WriteLine("| path | msg/s (peak) | p50 ms @ half peak | p99 ms @ half peak |");
Console.WriteLine("|---|---|---|---|");
var bPeak = await RawAsync(total, 0);
var bHalf = await RawAsync(total / 2, bPeak.Rate / 2);
Print("(b) RabbitMQ.Client, confirms in batches of 500", bPeak.Rate, bHalf.Latencies);
var aPeak = await BridgeAsync(total, 0);
var aHalf = await BridgeAsync(total / 2, aPeak.Rate / 2);
Print("(a) Bridge: Mosquitto QoS 1 → mapping → RabbitMQ", aPeak.Rate, aHalf.Latencies);
Console.WriteLine($"(a)/(b) = {aPeak.Rate / bPeak.Rate:P0}; (c) Node-RED: not measured");
return 0;

static void Print(string name, double rate, IReadOnlyCollection<double> latencies)
{
    var sorted = latencies.Order().ToArray();
    double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    Console.WriteLine($"| {name} | {rate:N0} | {P(0.5):N1} | {P(0.99):N1} |");
}

async Task<(double Rate, IReadOnlyCollection<double> Latencies)> RawAsync(int count, double rate)
{
    var sentAt = new long[count];
    await using var counter = await BusCounter.StartAsync(rabbit, Exchange, sentAt);
    var encoder = new TelemetryEnvelopeEncoder(TimeProvider.System);
    await using var connection = await new ConnectionFactory { Uri = rabbit }.CreateConnectionAsync();
    await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
    var clock = Stopwatch.StartNew();
    for (var start = 0; start < count; start += 500)
    {
        var confirms = new List<Task>();
        for (var i = start; i < Math.Min(count, start + 500); i++)
        {
            await Pace(clock, i, rate);
            var record = encoder.Encode(Reading(i));
            sentAt[i] = Stopwatch.GetTimestamp();
            confirms.Add(channel.BasicPublishAsync(Exchange, "", false, new BasicProperties { Persistent = true, MessageId = record.MessageId.ToString() }, record.Body).AsTask());
        }

        await Task.WhenAll(confirms);
    }

    while (counter.Count < count)
        await Task.Delay(5);
    return (count / clock.Elapsed.TotalSeconds, counter.LatenciesMs);
}

async Task<(double Rate, IReadOnlyCollection<double> Latencies)> BridgeAsync(int count, double rate)
{
    var sentAt = new long[count];
    await using var counter = await BusCounter.StartAsync(rabbit, Exchange, sentAt);
    var folder = Directory.CreateTempSubdirectory("bench-telemetry-").FullName;
    await using var publisher = new RabbitMqTelemetryPublisher(rabbit, NullLogger<RabbitMqTelemetryPublisher>.Instance);
    await using var pipeline = new TelemetryPipeline(publisher, new TelemetryOptions { BufferDirectory = folder }, TimeProvider.System, NullLogger<TelemetryPipeline>.Instance);
    pipeline.Start();
    var sink = new MappingSink(mapping, pipeline, new TelemetryEnvelopeEncoder(TimeProvider.System));
    var options = new MqttAdapterOptions
    {
        Host = mqttHost,
        Port = mqttPort,
        ClientId = "bench-bridge-" + Guid.NewGuid().ToString("N")[..6],
        CleanSession = true,
        MaxInFlight = 2000,
        Subscriptions = [new MqttSubscriptionOptions { Topic = "plant/+/line/+/bin/+/level", System = "sensors", MessageType = "bin-level" }],
    };
    await using var connection = new MqttConnection("bench", options, sink, NullLogger.Instance, TimeProvider.System);
    connection.Start();
    await connection.Connected;
    using var sensor = new MqttClientFactory().CreateMqttClient();
    await sensor.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(mqttHost, mqttPort).WithClientId("bench-sensor").WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
    var clock = Stopwatch.StartNew();
    var window = new List<Task>();
    for (var i = 0; i < count; i++)
    {
        await Pace(clock, i, rate);
        sentAt[i] = Stopwatch.GetTimestamp();
        window.Add(sensor.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"plant/BER/line/L1/bin/B{i % 50}/level")
            .WithPayload(i.ToString(CultureInfo.InvariantCulture))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
        if (window.Count >= 500)
        {
            await Task.WhenAll(window);
            window.Clear();
        }
    }

    await Task.WhenAll(window);
    while (counter.Count < count)
        await Task.Delay(5);
    var result = (count / clock.Elapsed.TotalSeconds, counter.LatenciesMs);
    await sensor.DisconnectAsync();
    Directory.Delete(folder, recursive: true);
    return result;
}

static async Task Pace(Stopwatch clock, int i, double rate)
{
    if (rate <= 0)
        return;
    var due = TimeSpan.FromSeconds(i / rate);
    if (due > clock.Elapsed + TimeSpan.FromMilliseconds(2))
        await Task.Delay(due - clock.Elapsed);
}

static BinLevelReported Reading(int i) => new()
{
    MessageId = Guid.NewGuid(),
    CorrelationId = "B" + (i % 50),
    Source = "sensors",
    OccurredAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000),
    Location = "B" + (i % 50),
    Value = i,
    Unit = "%",
};

/// <summary>What TelemetryIngestor does: map with the shipped sensors mapping, hand to the pipeline.</summary>
internal sealed class MappingSink(InboundMapping mapping, TelemetryPipeline pipeline, TelemetryEnvelopeEncoder encoder) : IEnvelopeSink
{
    public async Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
    {
        var result = mapping.Map(envelope.Body, envelope.ContentType, envelope.Metadata);
        if (result.Errors.Count > 0)
            return new EnvelopeReceipt(false, result.Errors[0].Message);
        await pipeline.TakeAsync(result.Messages.Select(m => encoder.Encode(m.Message)).ToList(), ct);
        return EnvelopeReceipt.Taken;
    }
}
