using System.Globalization;
using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// Material requests end to end on RabbitMQ + PostgreSQL, against raw MassTransit on the same broker in the same run.
/// A production-mode host in this process; MES and WMS A are simulated, and the requests generated, in a process of their
/// own (<see cref="PlantProcess"/>) so that the host's CPU is counted apart. MES posts requests over HTTP (each for its
/// own released order, stock set up first); the saga reserves and sends the pick list to WMS A, which confirms it back
/// over HTTP; the delivery reaches MES.
/// 0. Warm-up: rounds of requests until the JIT has settled (steady state, as a host that runs for days).
/// 1. Throughput: <c>requests</c> posted with up to 64 in flight; requests/s = requests ÷ (first post → last delivery).
/// 2. Latency at half that rate: paced requests, post → delivery at MES, p50 / p99.
/// 3. Raw: persistent messages of the host's mean message size, sent to a queue, then consumed by a counting consumer
///    with the host's prefetch and concurrency (durable queue, persistent messages, MassTransit's JSON envelope as the
///    host's; publisher confirms only while filling the queue, before the clock starts): consume + ack of a no-op handler.
///    Saga messages/s = requests/s × bus messages the host consumed per request.
/// 1b. The ledger: one more round of <see cref="LedgerRequests"/> requests with <see cref="DatabaseLedger"/> recording — the
///    host's transactions, round trips and statements by source (HTTP request, consume, background loop) and by what
///    they touch. Apart from the throughput phase: recording costs the host CPU.
/// 2b. The saga alone (<see cref="SagaOnlyPhase"/>): its queue prefilled, every other endpoint stopped.
/// 4. Raw publish → consume (<see cref="RawPublishConsume"/>): what the saga path asks of the broker per message, without
///    Bridge; beside it, the CPU a request may use for 30 % and the share RabbitMQ alone needs of it.
/// </summary>
internal static class EndToEndBenchmark
{
    private const string MesKey = "bench-mes-key";
    private const string WmsKey = "bench-wms-key";
    private const string ErpKey = "bench-erp-key";
    private const string AdminKey = "bench-admin-key";
    private const int WarmUpRound = 100;
    private const int MaxWarmUpRounds = 8;
    private const int SettledMethods = 50;
    private const int RawPublishesInFlight = 64;
    private const int LedgerRequests = 100;
    private const string PlantProcessName = "plant (simulated MES + WMS, load generator)";

    public static async Task<int> RunAsync(Uri rabbitMq, string postgres, int requests)
    {
        await using var plant = await PlantProcessClient.StartAsync();
        var ledger = new DatabaseLedger();
        var app = BuildHost(rabbitMq, postgres, plant.BaseUrl, ledger);
        await app.StartAsync();
        var baseUrl = new Uri(app.Urls.First());
        var clock = new StageClock();
        var counted = new BusMessageCount();
        app.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(counted);
        app.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(clock);
        var messaging = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BridgeMessagingOptions>>().Value;
        await plant.ConnectAsync(baseUrl, MesKey, WmsKey, ErpKey, AdminKey);
        var processes = new Dictionary<string, int>(StringComparer.Ordinal) { [PlantProcessName] = plant.ProcessId };

        // Warm-up until the JIT has settled: a production host runs for days, and a phase during which the JIT still
        // compiles thousands of methods (its instrumented and optimised tiers) measures start-up, not a request. Rounds of
        // WarmUpRound requests, until one compiles fewer than SettledMethods methods (at most MaxWarmUpRounds).
        var latencyRequests = Math.Max(100, requests / 2);
        var orders = MaxWarmUpRounds * WarmUpRound + requests + LedgerRequests + latencyRequests + requests;
        Console.WriteLine($"setting up {orders} released orders and WMS A's stock ...");
        await plant.SetUpAsync(orders);
        await plant.RunAsync(confirmers: 16);

        var warmUp = 0;
        for (var round = 1; round <= MaxWarmUpRounds; round++)
        {
            var jitBefore = RuntimeCost.Snapshot();
            await plant.SendAsync(string.Create(CultureInfo.InvariantCulture, $"W{round}"), warmUp, WarmUpRound, perSecond: null, clock);
            warmUp += WarmUpRound;
            var compiled = (RuntimeCost.Snapshot() - jitBefore).JitMethods;
            Console.WriteLine($"warm-up round {round}: {WarmUpRound} requests, {compiled} methods compiled by the JIT");
            if (compiled < SettledMethods)
            {
                break;
            }
        }

        Console.WriteLine($"throughput phase: {requests} requests ...");
        using var database = new DatabaseCount();
        var serverBefore = await DatabaseCount.ReadServerAsync(postgres);
        var commandsBefore = database.Commands;
        var before = counted.Snapshot();
        var cpuBefore = ProcessCpu.Snapshot(processes);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var runtimeBefore = RuntimeCost.Snapshot();
        using var sampler = AllocationSampler.CreateIfAsked();
        using var jit = JitSampler.CreateIfAsked();
        using var perf = PerfRecorder.CreateIfAsked();
        sampler?.Start();
        jit?.Start();
        perf?.Start();
        var throughput = await plant.SendAsync("T", warmUp, requests, perSecond: null, clock);
        var perfStop = perf?.StopAsync() ?? Task.CompletedTask;
        var allocatedAfter = GC.GetTotalAllocatedBytes(precise: false);
        var runtimeAfter = RuntimeCost.Snapshot();
        sampler?.Stop();
        jit?.Stop();
        var cpuAfter = ProcessCpu.Snapshot(processes);
        await perfStop;
        var after = counted.Snapshot();
        var commandsAfter = database.Commands;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // PostgreSQL flushes a backend's statistics at most once a second
        var serverAfter = await DatabaseCount.ReadServerAsync(postgres);
        var perSecond = requests / throughput.Seconds;
        var perRequest = (after.Total - before.Total) / (double)requests;
        var meanBytes = (after.Bytes - before.Bytes) / (double)Math.Max(1, after.Total - before.Total);

        Console.WriteLine($"ledger round: {LedgerRequests} requests with the host's PostgreSQL work recorded by source ...");
        var ledgerCommandsBefore = database.Commands;
        ledger.Recording = true;
        using (WorkContext.Listen())
        {
            await plant.SendAsync("D", warmUp + requests, LedgerRequests, perSecond: null, clock);
        }

        ledger.Recording = false;
        var ledgerCommands = database.Commands - ledgerCommandsBefore;

        var latency = await plant.SendAsync("L", warmUp + requests + LedgerRequests, latencyRequests, perSecond / 2, clock);
        Console.WriteLine($"saga alone: {requests} requests, its queue prefilled, the other endpoints stopped ...");
        var sagaOnly = await SagaOnlyPhase.MeasureAsync(app.Services.GetRequiredService<IBusControl>(), processes, LoadGenerator.OrderNo,
            warmUp + requests + LedgerRequests + latencyRequests, requests);
        await app.StopAsync();
        await app.DisposeAsync();

        var rawCount = Math.Max(20_000, (int)(after.Total - before.Total));
        var (raw, rawCpu) = await RawConsume.MeasureAsync(rabbitMq, rawCount, (int)meanBytes, messaging.PrefetchCount, messaging.ConcurrentMessageLimit);
        var (published, publishedCpu) = await RawPublishConsume.MeasureAsync(rabbitMq, rawCount, (int)meanBytes, messaging.PrefetchCount, messaging.ConcurrentMessageLimit, RawPublishesInFlight);

        var sagaPerSecond = perSecond * perRequest;
        Console.WriteLine();
        Console.WriteLine($"Material requests end to end, RabbitMQ + PostgreSQL ({Environment.ProcessorCount} cores, load average {LoadAverage.Read()}; "
            + $"host prefetch {messaging.PrefetchCount}, concurrency {messaging.ConcurrentMessageLimit})");
        Console.WriteLine(Invariant($"  throughput        {requests} requests in {throughput.Seconds:0.00} s = {perSecond:0.0} requests/s (up to 64 posts in flight; first post → last delivery)"));
        Console.WriteLine(Invariant($"  bus messages      {perRequest:0.00} consumed by the host per request, mean body {meanBytes:0} bytes:"));
        foreach (var (type, n) in after.ByType.OrderByDescending(t => t.Value - before.ByType.GetValueOrDefault(t.Key)))
        {
            var during = n - before.ByType.GetValueOrDefault(type);
            if (during > 0)
            {
                Console.WriteLine(Invariant($"      {type,-36} {during / (double)requests,6:0.00} per request"));
            }
        }

        Console.WriteLine(Invariant($"  saga messages/s   {sagaPerSecond:0} (= requests/s × bus messages per request)"));
        Console.WriteLine(Invariant($"  latency           {latencyRequests} requests paced at {perSecond / 2:0.0}/s (half the throughput): p50 {latency.P50:0} ms, p99 {latency.P99:0} ms, max {latency.Max:0} ms (post → delivery at MES)"));
        Console.WriteLine(Invariant($"  raw MassTransit   {raw:0} messages/s consumed ({rawCount} persistent {meanBytes:0}-byte messages, same broker, prefetch {messaging.PrefetchCount}, concurrency {messaging.ConcurrentMessageLimit})"));
        Console.WriteLine(Invariant($"      CPU per raw message consumed (ms): {string.Join(", ", rawCpu.Select(p => $"{(p.Key == ProcessCpu.Host ? "consumer (the bench process)" : p.Key)} {p.Value:0.000}"))}; total {rawCpu.Values.Sum():0.000}"));
        Console.WriteLine(Invariant($"  raw publish→consume {published:0} messages/s ({rawCount} of the same messages published durably with publisher confirms, up to {RawPublishesInFlight} in flight, and consumed meanwhile by the same no-op consumer)"));
        Console.WriteLine(Invariant($"      CPU per raw message published and consumed (ms): {string.Join(", ", publishedCpu.Select(p => $"{(p.Key == ProcessCpu.Host ? "publisher + consumer (the bench process)" : p.Key)} {p.Value:0.000}"))}; total {publishedCpu.Values.Sum():0.000}"));
        var ratio = sagaPerSecond / raw;
        Console.WriteLine(Invariant($"  ratio             saga messages/s ÷ raw = {ratio:P1} (target ≥ 30 %); ÷ raw publish→consume = {sagaPerSecond / published:P1}"));
        var sagaAlone = sagaOnly.Sum(p => p.Count) / sagaOnly.Sum(p => p.Seconds);
        Console.WriteLine(Invariant($"  saga alone        {sagaAlone:0} saga messages/s = {sagaAlone / raw:P1} of raw (the material request saga's own consumes, its queue prefilled, every other endpoint stopped; not the headline):"));
        foreach (var part in sagaOnly)
        {
            Console.WriteLine(Invariant($"      {part.Event,-18} {part.Count} in {part.Seconds:0.00} s = {part.Count / part.Seconds:0}/s (first → last consume {part.Count / part.FirstToLastSeconds:0}/s); CPU per message (ms): {string.Join(", ", part.CpuMs.Where(p => p.Key != PlantProcessName).Select(p => $"{(p.Key == ProcessCpu.Host ? "host" : p.Key)} {p.Value / Math.Max(1, part.Count):0.00}"))}"));
        }

        // CPU-bound on the same cores, saga messages/s ÷ raw = (bus messages per request × raw CPU per message) ÷ CPU per
        // request; so the target bounds the CPU a request may use, and the publish peer says what the broker alone needs.
        var budget = perRequest * rawCpu.Values.Sum() / 0.30;
        var brokerFloor = perRequest * publishedCpu.GetValueOrDefault("rabbitmq");
        Console.WriteLine(Invariant($"  floor             30 % allows {budget:0.00} ms of CPU per request in all ({perRequest:0.0} × raw consume's {rawCpu.Values.Sum():0.000} ms ÷ 0.30); RabbitMQ alone needs {brokerFloor:0.00} ms for {perRequest:0.0} messages published with confirms and consumed ({brokerFloor / budget:P0} of it)"));
        Console.WriteLine(Invariant($"  CPU per request   in the throughput phase (ms; 1,000 ms a second per core):"));
        var total = 0.0;
        foreach (var (process, seconds) in cpuAfter)
        {
            var ms = (seconds - cpuBefore.GetValueOrDefault(process)) * 1000 / requests;
            total += ms;
            Console.WriteLine(Invariant($"      {process,-48} {ms,7:0.0}"));
        }

        var servers = total - (cpuAfter[PlantProcessName] - cpuBefore[PlantProcessName]) * 1000 / requests;
        Console.WriteLine(Invariant($"      {"total",-48} {total,7:0.0}   (without the plant: {servers:0.0}, a ceiling of {Environment.ProcessorCount * 1000 / servers:0.0} requests/s on {Environment.ProcessorCount} cores)"));
        Console.WriteLine(Invariant($"  host runtime      {(allocatedAfter - allocatedBefore) / 1024.0 / requests:0} KiB allocated per request; {runtimeAfter - runtimeBefore}"));
        if (perf is not null)
        {
            var hostMs = (cpuAfter[ProcessCpu.Host] - cpuBefore[ProcessCpu.Host]) * 1000 / requests;
            Console.WriteLine($"  host CPU by stage (perf record -g of the throughput phase, {perf.Output})");
            foreach (var line in await PerfStages.ReportAsync(perf.Output, hostMs))
            {
                Console.WriteLine(line);
            }
        }

        if (sampler is not null)
        {
            Console.WriteLine("  allocations by type (sampled: the runtime's allocation ticks)");
            foreach (var line in sampler.Report(requests, top: 30))
            {
                Console.WriteLine(line);
            }
        }

        if (jit is not null)
        {
            Console.WriteLine("  methods the JIT compiled in the throughput phase");
            foreach (var line in jit.Report(top: 40))
            {
                Console.WriteLine(line);
            }
        }

        Console.WriteLine(Invariant($"  PostgreSQL        per request in the throughput phase: {(serverAfter.Commits + serverAfter.Rollbacks - serverBefore.Commits - serverBefore.Rollbacks) / (double)requests:0.0} transactions ({(serverAfter.Rollbacks - serverBefore.Rollbacks) / (double)requests:0.0} rolled back), {(commandsAfter - commandsBefore) / (double)requests:0.0} commands (round trips) by the host"));
        Console.WriteLine(Invariant($"      {(serverAfter.WalBytes - serverBefore.WalBytes) / 1024.0 / requests:0.0} KiB of WAL per request (pg_stat_wal)"));
        var statements = serverAfter.Statements
            .Select(s => (Query: s.Key, Cost: s.Value - serverBefore.Statements.GetValueOrDefault(s.Key)))
            .Where(s => s.Cost.Calls > 0)
            .ToList();
        if (statements.Count > 0)
        {
            Console.WriteLine(Invariant($"      {statements.Sum(s => s.Cost.Calls) / (double)requests:0.0} statements per request (pg_stat_statements), {statements.Sum(s => s.Cost.Ms) / requests:0.00} ms of execution and planning; the most called:"));
            foreach (var (query, cost) in statements.OrderByDescending(s => s.Cost.Calls).Take(30))
            {
                Console.WriteLine(Invariant($"      {cost.Calls / (double)requests,6:0.00}  {Shorten(query, 110)}"));
            }

            Console.WriteLine("      by time (execution + planning, ms per request; per call; rows and buffers per call):");
            foreach (var (query, cost) in statements.OrderByDescending(s => s.Cost.Ms).Take(20))
            {
                Console.WriteLine(Invariant($"      {cost.Ms / requests,6:0.000} ms {cost.Calls / (double)requests,5:0.00}× {cost.Ms / cost.Calls,6:0.000} ms {cost.Rows / (double)cost.Calls,5:0.0} r {cost.Blocks / (double)cost.Calls,5:0.0} b  {Shorten(query, 90)}"));
            }
        }

        Console.WriteLine(Invariant($"  ledger            the host's PostgreSQL work per request by source (a round of {LedgerRequests} requests apart from the throughput phase; tx = transactions, trips = round trips, stmts = statements):"));
        foreach (var line in ledger.Report(LedgerRequests, ledgerCommands))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine("  where a request's time goes, throughput phase (time since the post):");
        foreach (var line in clock.Report(throughput.Ids))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine("  where a request's time goes, latency phase (time since the post):");
        foreach (var line in clock.Report(latency.Ids))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(Invariant($"  lost              {throughput.Missing + latency.Missing} requests without a delivery; {plant.ConfirmFailures} confirmations refused"));
        return throughput.Missing + latency.Missing == 0 ? 0 : 1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string query, int length)
    {
        var text = string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > length ? text[..length] + "…" : text;
    }

    private static WebApplication BuildHost(Uri rabbitMq, string postgres, Uri plant, DatabaseLedger ledger) =>
        BridgeApplication.Build([], b =>
        {
            b.Services.AddSingleton(_ => BridgeDataSource.Create(postgres, d => d.UseLoggerFactory(ledger)));
            b.Services.AddSingleton<IStartupFilter>(new WorkContext.HttpNaming(ledger));
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:Mode"] = "Production",
            ["Bridge:RabbitMqUri"] = rabbitMq.AbsoluteUri,
            ["Bridge:PostgresConnectionString"] = postgres,
            ["Bridge:ConfigDir"] = ConfigDirectory(),
            ["Bridge:Systems:mes:BaseUrl"] = new Uri(plant, "/mes").AbsoluteUri,
            ["Bridge:Systems:wms-a:BaseUrl"] = new Uri(plant, "/wms-a").AbsoluteUri,
            ["Bridge:ApiKeys:mes"] = MesKey,
            ["Bridge:ApiKeys:wms-a"] = WmsKey,
            ["Bridge:ApiKeys:erp"] = ErpKey,
            ["Bridge:Auth:Administrators:bench"] = AdminKey,
            ["Bridge:Telemetry:BufferDirectory"] = Directory.CreateTempSubdirectory("bridge-bench-telemetry-").FullName,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Bridge.Host"] = "Error",
        });
        });

    private static string ConfigDirectory()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bridge.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("run from inside the repository (Bridge.sln not found)"), "config");
    }
}
