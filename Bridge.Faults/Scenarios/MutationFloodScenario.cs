using System.Diagnostics;
using System.Globalization;
using Bridge.Faults.Flood;
using Bridge.Faults.Harness;
using Bridge.Faults.Mutations;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R4: seeded mutations of every shipped inbound mapping's sample (Mutations/), sent the way each system sends — HTTP
/// with its key, MQTT for the sensors, the SCADA's AMQP exchange — to one host in production mode. Every payload must
/// end mapped or dead-lettered with a reason; counted: crashes (the host process exited), hangs (no answer in 10 s),
/// 5xx, refusals without a dead letter, and the host's peak RSS against the peak of the run's first tenth. The OPC UA
/// mappings (plc) are left out: their bytes are made by Bridge's own OPC UA adapter from node values, not sent by anyone.
/// Full: 100,000 per mapping (BRIDGE_FAULTS_R4_PER_MAPPING to change), --short: 300; BRIDGE_FAULTS_SEED picks the mutations.
/// Memory is bounded when it does not grow with the number of payloads: the flood runs in passes (BRIDGE_FAULTS_R4_PASSES,
/// default 2), each the next <c>perMapping</c> mutations of every mapping (payloads of the same kinds, none sent before:
/// <see cref="FreshPayloads"/>), and every later pass's RSS peak must stay within <see cref="PassGrowthLimit"/> of the first pass's, and
/// so must its floor: RSS and GC heap after a full compacting collection the host runs at each pass's end, taken again
/// once the shared array pool has trimmed the arrays threads parked in it (<see cref="HostMemoryLog.SettledFloorAsync"/>),
/// which what a pass leaves behind raises and the timing of gen2 collections does not; and no
/// peak may pass <see cref="RssCeilingMb"/> (BRIDGE_FAULTS_R4_RSS_CEILING_MB), the memory README plans per host. The
/// peak against the first tenth's (light HTTP payloads, before any large document) is printed beside them.
/// </summary>
public sealed class MutationFloodScenario : IFaultScenario
{
    private const int Concurrency = 16;

    /// <summary>A later pass (as many payloads again, of the same kinds) may peak at most this much above the first pass.</summary>
    private const double PassGrowthLimit = 1.1;

    /// <summary>What README's deployment section plans per host (512 MB): the host must fit it under the flood.</summary>
    private const int RssCeilingMb = 512;

    /// <summary>
    /// How long the host idles between the two floors of a pass: the shared array pool drops an array parked per thread
    /// at a gen2 collection 30 s or more after one first saw it (<see cref="HostMemoryLog.SettledFloorAsync"/>).
    /// </summary>
    private static readonly TimeSpan PoolIdle = TimeSpan.FromSeconds(35);

    private static readonly string[] SkippedSystems = ["plc"];

    public string Id => "R4";

    public async Task<FaultRow> RunAsync(FaultRun run, CancellationToken cancellationToken)
    {
        var perMapping = Number(run, "BRIDGE_FAULTS_R4_PER_MAPPING") ?? (run.Short ? 300 : 100_000);
        var passes = Math.Max(1, Number(run, "BRIDGE_FAULTS_R4_PASSES") ?? 2);
        var ceilingMb = Number(run, "BRIDGE_FAULTS_R4_RSS_CEILING_MB") ?? RssCeilingMb;
        var runSeed = Number(run, "BRIDGE_FAULTS_SEED") ?? 12;
        var servers = FaultServers.From(run);
        var space = await ScenarioSpace.CreateAsync(run, servers, Id, 0, cancellationToken);
        await using var receivers = await Receivers.StartAsync(servers.ReceiversPort, cancellationToken);
        var settings = new Dictionary<string, string>
        {
            // The SCADA's broker is the suite's RabbitMQ, in the scenario's virtual host; the adapter takes no password in the URI.
            ["Bridge__Adapters__Amqp__scada__Uri"] = new UriBuilder(space.RabbitMq) { Password = "" }.Uri.AbsoluteUri,
            ["Bridge__Adapters__Amqp__scada__PasswordEnv"] = "BRIDGE_FAULTS_SCADA_PASSWORD",
            ["BRIDGE_FAULTS_SCADA_PASSWORD"] = Uri.UnescapeDataString(space.RabbitMq.UserInfo.Split(':').ElementAtOrDefault(1) ?? ""),
            // A dead letter is logged as a warning: a million of them would cost more than the mapping.
            ["Serilog__MinimumLevel__Default"] = "Error",
            // The host's GC figures once a second beside its RSS (Operations/Diagnostics/MemoryLog), read per mapping below.
            ["Bridge__Diagnostics__MemoryLog"] = Path.Combine(space.Directory, "memory.csv"),
        };
        await using var host = new BridgeHostProcess(servers, space, receivers, "host1", servers.FirstHostPort, settings);
        await host.StartAsync(cancellationToken);

        var protocols = SystemProtocols.Read(space.ConfigDirectory);
        var seeds = MutationSeeds.Load(space.ConfigDirectory).Where(s => !SkippedSystems.Contains(s.System)).ToList();
        var total = (long)perMapping * seeds.Count * passes;
        var tally = new MutationTally();
        var crashes = 0;
        var vanished = 0L;
        var extra = 0L;
        var notes = new List<string>();
        await using var canonical = await CanonicalCounter.StartAsync(space.RabbitMq, "bridge.bin-level-reported", cancellationToken);
        await using var memory = new RssSampler(() => HostPid(host), () => (double)tally.Sent / total);
        var gc = new HostMemoryLog(Path.Combine(space.Directory, "memory.csv"));
        gc.NextSegment();
        var clock = Stopwatch.StartNew();
        var passPeaks = new List<long>();
        var passFloors = new List<MemoryFloor?>();
        var immediateFloors = new List<MemoryFloor?>();
        var firstTenthMb = 0L;
        var freshPayloads = new Dictionary<string, FreshPayloads>(StringComparer.Ordinal);
        var heapDump = HostHeapDump.From(run.Environment);
        for (var pass = 0; pass < passes; pass++)
        {
            var passSentBefore = tally.Sent;
            await using var passMemory = new RssSampler(() => HostPid(host), () => (double)(tally.Sent - passSentBefore) / ((long)perMapping * seeds.Count));
            foreach (var seed in seeds)
            {
                var protocol = protocols.GetValueOrDefault(seed.System, "http");
                await using var sender = await SenderAsync(protocol, servers, space, host, seed, cancellationToken);
                var context = new MutationSeedContext(seed, runSeed);
                var mutator = new PayloadMutator(seed, runSeed);
                var mappedBefore = canonical.CountOf(seed.System);
                var repeatsBefore = canonical.Repeats;
                var (keptBefore, _) = await DeadLetterCount.ForAsync(space.Postgres, seed.System, seed.MessageType, cancellationToken);
                var (allKeptBefore, _) = await DeadLetterCount.ForAsync(space.Postgres, seed.System, null, cancellationToken);
                var sentBefore = tally.Sent;
                var started = clock.Elapsed;
                var fresh = freshPayloads.TryGetValue(seed.Mapping, out var known) ? known : freshPayloads[seed.Mapping] = new FreshPayloads();
                await Parallel.ForEachAsync(fresh.Take(mutator, pass * perMapping, perMapping), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                    async (payload, ct) => await sender.SendAsync(context, payload, tally, ct));
                if (!host.IsRunning)
                {
                    crashes++;
                    notes.Add($"the host exited during {seed.Mapping} (log {host.LogFile})");
                    await host.StartAsync(cancellationToken);
                }
                if (!sender.Answers)
                {
                    var sent = tally.Sent - sentBefore;
                    var (mapped, refused) = await SettleAsync(canonical, space, seed.System, seed.MessageType, mappedBefore, keptBefore, sent, cancellationToken);
                    tally.CountMapped(mapped);
                    tally.CountRefused(refused);
                    vanished += Math.Max(0, sent - mapped - refused);
                    // Beyond what was sent: a canonical message published twice (same message id), or a payload both mapped and kept.
                    var repeats = canonical.Repeats - repeatsBefore;
                    var beyond = Math.Max(repeats, mapped + refused - sent);
                    extra += Math.Max(0, beyond);
                    if (beyond > 0) notes.Add($"{seed.Mapping}: {sent} sent, {mapped} mapped (source '{seed.System}'), {refused} dead-lettered, {repeats} canonical messages twice");
                    var downstream = (await DeadLetterCount.ForAsync(space.Postgres, seed.System, null, cancellationToken)).Kept - allKeptBefore - refused;
                    if (downstream > 0) Say($"  {seed.Mapping}: {downstream} of the {mapped} mapped were refused afterwards by a consumer (dead letters of the canonical type)");
                }
                Say($"pass {pass + 1}: {seed.Mapping} over {protocol}: {perMapping} in {(clock.Elapsed - started).TotalSeconds:0} s; so far {tally.Mapped} mapped, {tally.Refused} dead-lettered, RSS peak {memory.PeakMb} MB");
                if (gc.NextSegment() is { } segment) Say($"  memory during {seed.Mapping}: {segment}");
            }
            await passMemory.DisposeAsync();
            passPeaks.Add(passMemory.PeakMb);
            if (pass == 0) firstTenthMb = passMemory.EarlyPeakMb;
            var (immediate, floor) = await gc.SettledFloorAsync(TimeSpan.FromSeconds(60), PoolIdle, cancellationToken);
            passFloors.Add(floor);
            immediateFloors.Add(immediate);
            if (heapDump is not null && HostPid(host) is { } pid) Say($"pass {pass + 1}: heap dump {await heapDump.CollectAsync(pid, $"r4-seed{runSeed}-pass{pass + 1}", cancellationToken)}");
            gc.NextSegment();
            Say($"pass {pass + 1} of {passes}: RSS peak {passMemory.PeakMb} MB (its first tenth {passMemory.EarlyPeakMb} MB); after a full compacting GC: "
                + (floor is null ? "the host did not answer" : $"right away heap {immediate!.HeapMb:0} MB (RSS {immediate.RssMb:0} MB); after the pool's idle trim RSS {floor.RssMb:0} MB, heap {floor.HeapMb:0} MB"));
        }

        var elapsed = clock.Elapsed;
        long withoutReason = 0;
        foreach (var system in seeds.Select(s => s.System).Distinct())
        {
            withoutReason += (await DeadLetterCount.ForAsync(space.Postgres, system, null, cancellationToken)).WithoutReason;
        }
        await memory.DisposeAsync();
        // Bounded: no later pass peaks above the first by more than PassGrowthLimit, and nothing above the ceiling.
        var laterPeak = passPeaks.Skip(1).DefaultIfEmpty(0).Max();
        var grows = laterPeak > passPeaks[0] * PassGrowthLimit;
        // The floor: what the host still holds after a full compacting collection at each pass's end, once the shared
        // array pool has dropped what threads parked in it. A peak is set by which large documents met between two gen2
        // collections; what payloads leave behind raises the floor.
        var floorsKnown = passFloors.All(f => f is not null);
        var floorGrows = !floorsKnown || passFloors.Skip(1).Any(f => f!.Exceeds(passFloors[0]!, PassGrowthLimit));
        var floorFigures = floorsKnown
            ? $"RSS {string.Join(" → ", passFloors.Select(f => $"{f!.RssMb:0}"))} MB, heap {string.Join(" → ", passFloors.Select(f => $"{f!.HeapMb:0}"))} MB (right away, before the pool's idle trim: heap {string.Join(" → ", immediateFloors.Select(f => $"{f!.HeapMb:0}"))} MB)"
            : "not known (the host did not answer)";
        // Two samplers (the run's and each pass's) read RSS at different moments: the ceiling is judged on the highest either saw.
        var peakMb = Math.Max(memory.PeakMb, passPeaks.Max());
        var overCeiling = peakMb > ceilingMb;
        var bounded = !grows && !floorGrows && !overCeiling;
        var passFigures = string.Join(" → ", passPeaks.Select(p => $"{p}"));
        if (crashes > 0 || tally.Hangs > 0 || tally.ServerErrors > 0 || tally.RefusedWithoutDeadLetter > 0 || withoutReason > 0 || vanished > 0 || !bounded)
        {
            notes.Add($"{crashes} crashes, {tally.Hangs} hangs, {tally.ServerErrors} 5xx, {tally.RefusedWithoutDeadLetter} refused without a dead letter, "
                + $"{withoutReason} dead letters without a reason, {vanished} neither mapped nor dead-lettered"
                + (grows ? $", RSS peak per pass {passFigures} MB (a later pass above {PassGrowthLimit:0.0}× the first)" : "")
                + (floorGrows ? $", after a full GC per pass {floorFigures} (a later pass above {PassGrowthLimit:0.0}× the first)" : "")
                + (overCeiling ? $", RSS peak {peakMb} MB above the {ceilingMb} MB planned per host" : ""));
            notes.AddRange(tally.Examples);
        }
        var lost = tally.ServerErrors + tally.Hangs + tally.RefusedWithoutDeadLetter + tally.TransportFailures + vanished;
        var load = string.Create(CultureInfo.InvariantCulture,
            $"{passes} × {perMapping:N0} mutations × {seeds.Count} mappings (seed {runSeed}; {string.Join(", ", seeds.GroupBy(s => protocols.GetValueOrDefault(s.System, "http")).Select(g => $"{g.Key} {g.Count()}"))}) in {elapsed.TotalSeconds:0} s, {Concurrency} at a time; "
            + $"{tally.Mapped:N0} mapped, {tally.Refused:N0} dead-lettered; {crashes} crashes, {tally.Hangs} hangs > 10 s, {tally.ServerErrors} 5xx; RSS peak per pass {passFigures} MB (limit {PassGrowthLimit:0.0}× the first, ceiling {ceilingMb} MB); after a full GC per pass {floorFigures} (limit {PassGrowthLimit:0.0}× the first); first pass's first 10 %: {firstTenthMb} MB, peak {(double)peakMb / Math.Max(1, firstTenthMb):0.00}× it");
        return new FaultRow(Id, load, "truncation, wrong types, extreme numbers, bad encodings, nesting 10k–500k, control chars, unicode, empty, duplicate keys, XML/CSV breakages",
            tally.Sent, tally.Mapped + tally.Refused, lost, extra, "–", null, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    private static async Task<IMutationSender> SenderAsync(string protocol, FaultServers servers, ScenarioSpace space, BridgeHostProcess host, MutationSeed seed, CancellationToken ct) =>
        protocol switch
        {
            "mqtt" => await MqttMutationSender.ConnectAsync(servers.MqttHost, servers.MqttPort, ct),
            "amqp" => await AmqpMutationSender.ConnectAsync(space.RabbitMq, "bridge.scada.bin-levels", ct),
            _ => new HttpMutationSender(host.BaseUrl, FaultKeys.Systems.TryGetValue(seed.System, out var key) ? key
                : throw new InvalidOperationException($"FaultKeys has no key for system '{seed.System}'")),
        };

    /// <summary>
    /// Waits until every payload sent over MQTT or AMQP is accounted for — a canonical message on RabbitMQ or a dead
    /// letter in PostgreSQL — or nothing has changed for 30 s; returns (mapped, dead-lettered) since the mapping began.
    /// </summary>
    private static async Task<(long Mapped, long Refused)> SettleAsync(CanonicalCounter canonical, ScenarioSpace space, string system, string messageType,
        long mappedBefore, long keptBefore, long sent, CancellationToken ct)
    {
        var lastChange = Stopwatch.StartNew();
        var last = -1L;
        while (true)
        {
            var mapped = canonical.CountOf(system) - mappedBefore;
            var refused = (await DeadLetterCount.ForAsync(space.Postgres, system, messageType, ct)).Kept - keptBefore;
            if (mapped + refused >= sent || lastChange.Elapsed > TimeSpan.FromSeconds(30)) return (mapped, refused);
            if (mapped + refused != last)
            {
                last = mapped + refused;
                lastChange.Restart();
            }
            await Task.Delay(500, ct);
        }
    }

    private static int? HostPid(BridgeHostProcess host)
    {
        var file = Path.Combine(Path.GetDirectoryName(host.LogFile)!, "host.pid");
        return host.IsRunning && File.Exists(file) && int.TryParse(File.ReadAllText(file), out var pid) ? pid : null;
    }

    private static int? Number(FaultRun run, string name) =>
        run.Environment.TryGetValue(name, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static void Say(string text) => Console.WriteLine($"[faults] R4 {text}");
}
