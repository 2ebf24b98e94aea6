using System.Diagnostics;
using System.Globalization;
using Bridge.Adapters.Mqtt;
using Bridge.Benchmarks.Telemetry;
using Bridge.Contracts.Messages;
using Bridge.Host.Pipeline.Telemetry;
using Bridge.Mappings;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

// Telemetry benchmark: (a) Mosquitto QoS 1 → Bridge MQTT adapter → sensors/bin-level mapping → telemetry pipeline
// (RabbitMQ, persistent, confirms) → counted by a consumer; (b) raw RabbitMQ.Client confirmed publishing of the same
// bytes; (c) Node-RED 5.0.7: Mosquitto → JSONata change node → MQTT QoS 1 into RabbitMQ's MQTT plugin (amq.topic).
// Usage: Bridge.Benchmarks.Telemetry <mqtt host:port> <amqp uri> [messages] [rabbitmq mqtt-plugin host:port, or - to skip (c)] [config dir]
// bench/telemetry.sh starts the servers (RabbitMQ with rabbitmq_mqtt, Mosquitto) and runs this.
var mqtt = args.Length > 0 ? args[0] : "127.0.0.1:1883";
var rabbit = new Uri(args.Length > 1 ? args[1] : "amqp://guest:guest@127.0.0.1:5672/");
var total = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
var rabbitMqtt = args.Length > 3 && args[3] != "-" ? HostPort(args[3]) : ((string, int)?)null;
var configDir = args.Length > 4 ? args[4] : Path.Combine(AppContext.BaseDirectory, "config");
var (mqttHost, mqttPort) = HostPort(mqtt);
const string Exchange = "bridge.bin-level-reported";
const string Filter = "plant/+/line/+/bin/+/level";

var mappings = MappingSet.LoadDirectory(configDir).Set ?? throw new InvalidOperationException("mappings in " + configDir + " are invalid");
var mapping = mappings.FindInbound("sensors", "bin-level")!;

// Which paths run (BRIDGE_BENCH_PATHS, default "abc"; e.g. "a" alone while profiling Bridge).
var paths = Environment.GetEnvironmentVariable("BRIDGE_BENCH_PATHS") is { Length: > 0 } only ? only : "abc";
// Each path first runs this many readings unmeasured, so JIT (tier-up of Bridge, MQTTnet and the client takes seconds
// of CPU), connection set-up and the first confirms are not counted: the figures are the steady state.
var warmUp = Math.Min(25_000, Math.Max(2_000, total / 2));
Console.WriteLine($"{total:N0} readings per run (half for the latency run, {warmUp:N0} unmeasured first); MQTT {mqtt}; RabbitMQ {rabbit.Host}:{rabbit.Port}; {Environment.ProcessorCount} cores; load {Load()}");
var rows = new List<string>();
(double Rate, IReadOnlyCollection<double> Latencies, string Cost)? aPeak = null, bPeak = null, cPeak = null;
if (paths.Contains('b'))
{
    await RawAsync(warmUp, 0);
    var b = await RawAsync(total, 0);
    var bHalf = await RawAsync(total / 2, b.Rate / 2);
    bPeak = b;
    rows.Add(Row("(b) RabbitMQ.Client 7.2.2, confirms per batch of 500, 4 in flight", b, bHalf));
}

if (paths.Contains('a'))
{
    await BridgeAsync(warmUp, 0);
    var a = await BridgeAsync(total, 0);
    var aHalf = await BridgeAsync(total / 2, a.Rate / 2);
    aPeak = a;
    rows.Add(Row("(a) Bridge: Mosquitto QoS 1 → mapping → telemetry → RabbitMQ", a, aHalf));
}

if (rabbitMqtt is { } plugin && paths.Contains('c'))
{
    var installDir = Path.Combine(RepositoryRoot(), "bench", "node-red");
    await using var nodeRed = await NodeRedPeer.StartAsync(installDir, (mqttHost, mqttPort), plugin, Filter);
    await NodeRedAsync(nodeRed, warmUp, 0);
    var c = await NodeRedAsync(nodeRed, total, 0);
    var cHalf = await NodeRedAsync(nodeRed, total / 2, c.Rate / 2);
    cPeak = c;
    rows.Add(Row("(c) Node-RED 5.0.7: Mosquitto → JSONata → RabbitMQ MQTT plugin", c, cHalf));
}

Console.WriteLine();
Console.WriteLine("| path | msg/s (peak) | p50 ms @ half peak | p99 ms @ half peak | where the time goes (peak run) |");
Console.WriteLine("|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine($"(a)/(b) = {(aPeak is { } ap && bPeak is { } bp ? (ap.Rate / bp.Rate).ToString("P0", CultureInfo.InvariantCulture) : "not measured")} (target ≥ 60 %); (a)/(c) = {(aPeak is { } ap2 && cPeak is { } cp ? (ap2.Rate / cp.Rate).ToString("N1", CultureInfo.InvariantCulture) + "×" : "not measured")} (target ≥ 3×); load {Load()}");
return 0;

static (string Host, int Port) HostPort(string value) => (value.Split(':')[0], int.Parse(value.Split(':')[1], CultureInfo.InvariantCulture));

static string RepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bridge.sln")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Bridge.sln not found above " + AppContext.BaseDirectory);
}

static string Row(string name, (double Rate, IReadOnlyCollection<double> Latencies, string Cost) peak, (double Rate, IReadOnlyCollection<double> Latencies, string Cost) half)
{
    var sorted = half.Latencies.Order().ToArray();
    double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    var row = $"| {name} | {peak.Rate:N0} | {P(0.5):N1} | {P(0.99):N1} | {peak.Cost} |";
    Console.WriteLine(row);
    return row;
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static async Task ConfirmedAsync((Task<int> Confirmed, int Count) batch)
{
    if (await batch.Confirmed != batch.Count)
        throw new InvalidOperationException("RabbitMQ did not confirm a batch in full");
}

async Task<(double Rate, IReadOnlyCollection<double> Latencies, string Cost)> RawAsync(int count, double rate)
{
    var sentAt = new long[count];
    await using var counter = await BusCounter.StartAsync(rabbit, Exchange, sentAt);
    var encoder = new TelemetryEnvelopeEncoder(TimeProvider.System);
    await using var connection = await new ConnectionFactory { Uri = rabbit }.CreateConnectionAsync();
    // Confirms tracked per batch (the client's per-message tracking off), as the telemetry publisher does: the
    // cheapest way this client offers to know a batch is confirmed, so (b) is the client's limit.
    await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false));
    var tracker = PublisherConfirmTracker.For(channel);
    // The bytes are made before the clock starts: (b) is the client's limit, not the encoder's.
    var records = Enumerable.Range(0, count).Select(i => encoder.Encode(Reading(i))).ToArray();
    var cpu = new ProcessCpu();
    var clock = Stopwatch.StartNew();
    // The same window as the telemetry pipeline: batches of BatchSize, up to BatchesInFlight of them awaiting confirms.
    var window = new TelemetryOptions();
    var inFlight = new Queue<(Task<int> Confirmed, int Count)>();
    for (var start = 0; start < count; start += window.BatchSize)
    {
        var end = Math.Min(count, start + window.BatchSize);
        var confirmed = tracker.Track(await channel.GetNextPublishSequenceNumberAsync(), end - start);
        for (var i = start; i < end; i++)
        {
            await Pacing.WaitAsync(clock, i, rate);
            var record = records[i];
            sentAt[i] = Stopwatch.GetTimestamp();
            await channel.BasicPublishAsync(Exchange, "", false, new BasicProperties { Persistent = true, MessageId = record.MessageId.ToString() }, record.Body);
        }

        inFlight.Enqueue((confirmed, end - start));
        if (inFlight.Count >= window.BatchesInFlight)
            await ConfirmedAsync(inFlight.Dequeue());
    }

    while (inFlight.Count > 0)
        await ConfirmedAsync(inFlight.Dequeue());

    await counter.WaitForAsync(count);
    var elapsed = clock.Elapsed;
    var used = cpu.PerMessage(count);
    var cost = $"CPU/msg: publisher + counter {ProcessCpu.Micros(used.Self)}, {ProcessCpu.Servers(used, mosquitto: false)}; {records.Average(r => r.Body.Length):N0} bytes per message; load {Load()}";
    return (count / elapsed.TotalSeconds, counter.LatenciesMs, cost);
}

async Task<(double Rate, IReadOnlyCollection<double> Latencies, string Cost)> BridgeAsync(int count, double rate)
{
    var sentAt = new long[count];
    await using var counter = await BusCounter.StartAsync(rabbit, Exchange, sentAt);
    var folder = Directory.CreateTempSubdirectory("bench-telemetry-").FullName;
    await using var publisher = new RabbitMqTelemetryPublisher(rabbit, NullLogger<RabbitMqTelemetryPublisher>.Instance);
    var counting = new CountingPublisher(publisher);
    await using var pipeline = new TelemetryPipeline(counting, new TelemetryOptions { BufferDirectory = folder }, TimeProvider.System, NullLogger<TelemetryPipeline>.Instance);
    pipeline.Start();
    var sink = new MappingSink(mapping, pipeline, new TelemetryEnvelopeEncoder(TimeProvider.System));
    var options = new MqttAdapterOptions
    {
        Host = mqttHost,
        Port = mqttPort,
        ClientId = "bench-bridge-" + Guid.NewGuid().ToString("N")[..6],
        CleanSession = true,
        MaxInFlight = 2000,
        Subscriptions = [new MqttSubscriptionOptions { Topic = Filter, System = "sensors", MessageType = "bin-level" }],
    };
    await using var connection = new MqttConnection("bench", options, sink, NullLogger.Instance, TimeProvider.System);
    connection.Start();
    await connection.Connected;
    var readings = Sensor.Encode(count);
    using var sensor = Sensor.Connect(mqttHost, mqttPort);
    var cpu = new ProcessCpu();
    var clock = Stopwatch.StartNew();
    await sensor.Publish(readings, rate, sentAt);
    await counter.WaitForAsync(count);
    var elapsed = clock.Elapsed;
    var used = cpu.PerMessage(count);
    var sensorCpu = sensor.CpuNanoseconds / 1000.0 / count;
    var cost = $"CPU/msg: Bridge + counter {ProcessCpu.Micros(used.Self - sensorCpu)}, sensors {ProcessCpu.Micros(sensorCpu)}, {ProcessCpu.Servers(used, mosquitto: true)}; "
        + $"in Bridge: {sink.Describe()}, {counting.RecordsPerBatch:N0} readings per published batch, {counting.BytesPerRecord:N0} bytes per message; load {Load()}";
    Directory.Delete(folder, recursive: true);
    return (count / elapsed.TotalSeconds, counter.LatenciesMs, cost);
}

async Task<(double Rate, IReadOnlyCollection<double> Latencies, string Cost)> NodeRedAsync(NodeRedPeer nodeRed, int count, double rate)
{
    var sentAt = new long[count];
    await using var counter = await BusCounter.StartAsync(rabbit, "amq.topic", sentAt, NodeRedPeer.RoutingKey);
    var readings = Sensor.Encode(count);
    using var sensor = Sensor.Connect(mqttHost, mqttPort);
    var nodeRedCpu = nodeRed.ProcessorTime;
    var cpu = new ProcessCpu();
    var clock = Stopwatch.StartNew();
    await sensor.Publish(readings, rate, sentAt);
    await counter.WaitForAsync(count);
    var elapsed = clock.Elapsed;
    var used = cpu.PerMessage(count);
    var cost = $"CPU/msg: Node-RED {ProcessCpu.Micros((nodeRed.ProcessorTime - nodeRedCpu).TotalMicroseconds / count)} (one thread), sensors {ProcessCpu.Micros(sensor.CpuNanoseconds / 1000.0 / count)}, {ProcessCpu.Servers(used, mosquitto: true)}; load {Load()}";
    return (count / elapsed.TotalSeconds, counter.LatenciesMs, cost);
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
