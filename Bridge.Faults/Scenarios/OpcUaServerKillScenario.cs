using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bridge.Faults.Flood;
using Bridge.Faults.Harness;
using Bridge.Faults.OpcUa;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R5: a host in production mode subscribed (device file) to a node-opcua counter that changes every 100 ms; the
/// server is killed with SIGKILL under subscription and started again on the same port (--short once, 2 s down; full
/// three times, 10 s down). Measured on RabbitMQ (a queue bound to the canonical message's exchange): the time from the
/// server being ready again to the first new value (target ≤ 5 s), duplicates (the same source timestamp twice), and
/// values missing between the first and last of each server life (the counter counts up by one).
/// </summary>
public sealed class OpcUaServerKillScenario : IFaultScenario
{
    private const string Exchange = "bridge.line-side-consumption-reported";
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

    public string Id => "R5";

    /// <summary>
    /// Below Linux's ephemeral range (32768–60999): a port in it can be taken at any moment as the local end of an
    /// outgoing connection, and the server, started again on its port, then fails with EADDRINUSE (session 15: 49530).
    /// </summary>
    private const int DefaultPort = 29530;

    public async Task<FaultRow> RunAsync(FaultRun run, CancellationToken cancellationToken)
    {
        var cycles = run.Short ? 1 : 3;
        var outage = TimeSpan.FromSeconds(run.Short ? 2 : 10);
        var port = run.Environment.TryGetValue("BRIDGE_FAULTS_OPCUA_PORT", out var p) && int.TryParse(p, CultureInfo.InvariantCulture, out var n) ? n : DefaultPort;
        var servers = FaultServers.From(run);
        var space = await ScenarioSpace.CreateAsync(run, servers, Id, 0, cancellationToken);
        await using var opcua = new NodeOpcUaServer(Path.GetDirectoryName(Path.GetFullPath(servers.ConfigDirectory))!, port, Path.Combine(space.Directory, "opcua.log"));
        WriteDevice(space.ConfigDirectory, opcua.Url);
        await opcua.StartAsync(cancellationToken);
        await using var receivers = await Receivers.StartAsync(servers.ReceiversPort, cancellationToken);
        await using var host = new BridgeHostProcess(servers, space, receivers, "host1", servers.FirstHostPort);
        await host.StartAsync(cancellationToken);

        var values = new ConcurrentQueue<ObservedValue>();
        var unreadable = 0;
        string? firstUnreadable = null;
        await using var counter = await CanonicalCounter.StartAsync(space.RabbitMq, Exchange, cancellationToken, body =>
        {
            if (Read(body, out var why) is { } value) values.Enqueue(value);
            else if (Interlocked.Increment(ref unreadable) == 1)
            {
                File.WriteAllBytes(Path.Combine(space.Directory, "unreadable.json"), body.ToArray());
                firstUnreadable = why;
            }
        });
        if (!await WaitAsync(() => values.Count >= 20, TimeSpan.FromSeconds(60), cancellationToken))
        {
            return new FaultRow(Id, "1 OPC UA counter (100 ms)", "–", values.Count, values.Count, 0, 0, "–", null,
                $"values did not flow before the fault ({values.Count} read, {unreadable} unreadable, {counter.Count} on the queue in 60 s; the first unreadable: {firstUnreadable}); host log {host.LogFile}");
        }

        var recoveries = new List<TimeSpan>();
        var notes = new List<string>();
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            opcua.Kill();
            Say($"node-opcua killed (SIGKILL) after {values.Count} values; down {outage.TotalSeconds:0} s");
            await Task.Delay(outage, cancellationToken);
            await opcua.StartAsync(cancellationToken);
            var ready = Stopwatch.GetTimestamp();
            var readyAt = TimeProvider.System.GetUtcNow();
            // A value of the new server life: its source timestamp is after the restart (the old life's last values may still be in flight).
            if (await WaitAsync(() => values.Any(v => v.SourceTimestamp >= readyAt.AddSeconds(-1) && v.ArrivedAt > ready), TimeSpan.FromSeconds(60), cancellationToken))
            {
                var first = values.Where(v => v.SourceTimestamp >= readyAt.AddSeconds(-1) && v.ArrivedAt > ready).Min(v => v.ArrivedAt);
                recoveries.Add(Stopwatch.GetElapsedTime(ready, first));
                Say($"values again {recoveries[^1].TotalSeconds:0.0} s after the server was ready");
            }
            else
            {
                notes.Add($"cycle {cycle + 1}: no value within 60 s of the server's restart");
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        if (!host.IsRunning) notes.Add("the host exited");
        if (unreadable > 0) notes.Add($"{unreadable} messages on the queue had no quantity and occurredAt, the first: {firstUnreadable}");

        var all = values.ToList();
        var duplicated = all.GroupBy(v => v.SourceTimestamp).Sum(g => g.Count() - 1L);
        var missing = Missing(all);
        var slowest = recoveries.Count > 0 ? recoveries.Max() : (TimeSpan?)null;
        if (slowest > Target) notes.Add($"values took {slowest.Value.TotalSeconds:0.0} s to flow again (target {Target.TotalSeconds:0} s)");
        var load = string.Create(CultureInfo.InvariantCulture,
            $"1 OPC UA node changing every 100 ms (sampling 50 ms, publishing 100 ms) → LineSideConsumptionReported; recoveries {string.Join(", ", recoveries.Select(r => r.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"))}");
        return new FaultRow(Id, load, $"node-opcua SIGKILL under subscription, down {outage.TotalSeconds:0} s, restarted on the same port ×{cycles}",
            all.Count + missing - duplicated, all.Count, missing, duplicated, "–", slowest, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    /// <summary>Values the server produced while subscribed that never arrived: gaps inside each server life (the counter restarts at 0).</summary>
    private static long Missing(IReadOnlyList<ObservedValue> values)
    {
        var ordered = values.DistinctBy(v => v.SourceTimestamp).OrderBy(v => v.SourceTimestamp).ToList();
        long missing = 0;
        for (var i = 1; i < ordered.Count; i++)
        {
            var step = ordered[i].Value - ordered[i - 1].Value;
            if (step > 1) missing += (long)step - 1;
        }
        return missing;
    }

    /// <summary>The value and source timestamp of a canonical message as published (MassTransit's envelope: <c>message</c>); null when unreadable.</summary>
    private static ObservedValue? Read(ReadOnlyMemory<byte> body, out string? why)
    {
        why = null;
        try
        {
            using var envelope = JsonDocument.Parse(body);
            var message = Property(envelope.RootElement, "message") ?? envelope.RootElement;
            if (Property(message, "quantity") is { } quantity && Property(message, "occurredAt") is { } occurredAt)
                return new ObservedValue(Decimal(quantity), occurredAt.GetDateTimeOffset(), Stopwatch.GetTimestamp());
            why = "no quantity or occurredAt in " + string.Join(",", message.ValueKind == JsonValueKind.Object ? message.EnumerateObject().Select(p => p.Name) : []);
            return null;
        }
        catch (Exception ex)
        {
            why = $"{ex.GetType().Name}: {ex.Message}";
            return null;
        }
    }

    /// <summary>MassTransit's serializer writes a decimal as a string ("287") to keep its precision; a number is read too.</summary>
    private static decimal Decimal(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture) : value.GetDecimal();

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } found
            ? found.Value
            : null;

    private static void WriteDevice(string config, string url)
    {
        File.WriteAllText(Path.Combine(config, "mappings", "plc", "r5-fast-counter.yaml"), """
            name: plc-r5-fast-counter
            system: plc
            direction: inbound
            messageType: r5-fast-counter
            format: scalar
            produces: LineSideConsumptionReported
            id: meta('nodeId') & '@' & meta('sourceTimestamp')
            fields:
              location: meta('location')
              material: meta('material')
              quantity: number($value)
              unit: unit(meta('unit'))
              occurredAt: datetime(meta('sourceTimestamp'))
            """);
        Directory.CreateDirectory(Path.Combine(config, "devices"));
        File.WriteAllText(Path.Combine(config, "devices", "r5-line.yaml"), $$"""
            system: plc
            endpointUrl: {{url}}
            publishingIntervalMs: 100
            nodes:
              - key: fast
                nodeId: ns=1;s=Counters.Fast
                kind: value
                samplingIntervalMs: 50
                messageType: r5-fast-counter
                metadata: { location: R5-FAST, material: A-100, unit: PCE }
            """);
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) return false;
            await Task.Delay(50, ct);
        }
        return true;
    }

    private static void Say(string text) => Console.WriteLine($"[faults] R5 {text}");
}
