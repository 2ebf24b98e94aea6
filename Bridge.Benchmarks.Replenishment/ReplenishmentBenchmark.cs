using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bridge.Contracts.Messages;
using Bridge.Host.Composition;
using Bridge.Host.Demo;
using Bridge.Host.Processes.Replenishment;
using MassTransit;
using Npgsql;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// N line-side locations, each sent R consumption signals a second on the production stack (RabbitMQ + PostgreSQL),
/// through the level projection and the saga to the WMS receiver. Every location starts full (120, reorder point 40)
/// and is driven below its reorder point once, at a different moment for each; the benchmark remembers when it sent
/// the signal that crosses, and the simulated WMS when the request for that location arrived. Signals are offered by
/// <see cref="RawSignalPublisher"/> (RabbitMQ.Client), so the publisher costs little of the CPU Bridge needs.
/// </summary>
internal static class ReplenishmentBenchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var warmUp = options.WarmUpSeconds > 0 && !options.Prefill;
        var config = PrepareConfig(options.Locations, warmUp);
        var database = await CreateDatabaseAsync(options.Postgres);
        await using var wms = await SimulatedSystems.StartAsync("mes", "wms-b");
        var arrivals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var receiving = ReceiveAsync(wms, arrivals, stop.Token);

        var crossings = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var total = (long)options.Locations * options.RatePerLocation * options.Seconds;
        long sent = 0;
        var sendSeconds = 0.0;
        var prefilledCrossings = 0;
        double? publisherUs = null;
        // Signals an earlier, aborted run left would count in this one. Then start once so the topology exists and stop;
        // when prefilled, queue every signal now, so the drain is measured alone.
        await using (var cleaner = await RawSignalPublisher.ConnectAsync(options.RabbitMq))
        {
            // The queue of the MassTransit batch consumer (before session 7) too: bound to the same exchange, it would collect copies.
            foreach (var queue in new[] { LineSideSignalQueue.Name, LineSideSignalBatchConsumerDefinition.QueueName })
            {
                if (await cleaner.DeleteQueueAsync(queue) is > 0 and var left)
                    Console.WriteLine($"deleted         {queue} with {left} signals an earlier run left");
            }

            // Declared now: Bridge's consumer declares it only once the host runs, and prefilled signals must not miss it.
            await cleaner.DeclareSignalQueueAsync();
        }

        var databaseName = new NpgsqlConnectionStringBuilder(database).Database!;
        IdleCost idle;
        await using (var first = Build(options, database, config, wms))
        {
            await first.StartAsync();
            idle = await IdleCost.MeasureAsync(databaseName, options.BrokerPid);
            await first.StopAsync();
        }

        arrivals.Clear();
        var plan = SignalPlan.Create(options, RawSignalPublisher.Encode);
        if (options.Prefill)
        {
            await using var prefiller = await RawSignalPublisher.ConnectAsync(options.RabbitMq);
            var publishing = Stopwatch.GetTimestamp();
            var publisherCpu = Process.GetCurrentProcess().TotalProcessorTime;
            sent = await SendAsync(prefiller, plan, crossings, publishing, paced: false, null);
            sendSeconds = Stopwatch.GetElapsedTime(publishing).TotalSeconds;
            publisherUs = (Process.GetCurrentProcess().TotalProcessorTime - publisherCpu).TotalMilliseconds * 1000 / Math.Max(sent, 1);
            // Sent before Bridge ran: the crossings' send times say nothing about latency.
            prefilledCrossings = crossings.Count;
            crossings.Clear();
        }

        var app = Build(options, database, config, wms);
        await using var _ = app;
        if (warmUp)
        {
            await app.StartAsync();
            if (!await WarmUp.RunAsync(options, arrivals))
                return 1;
        }

        var publisher = options.Prefill ? null : await RawSignalPublisher.ConnectAsync(options.RabbitMq);
        var cost = new ConsumeCost();
        using var stages = new StageTotals();
        var notices = new NoticePublishTimes();
        using var timeline = new BatchTimeline(app.Services.GetRequiredService<LineSideSignalConsumerHooks>());
        if (publisher is not null)
            publisher.Blocked += timeline.Blocked;
        app.Services.GetRequiredService<IBusControl>().ConnectConsumeObserver(cost);
        app.Services.GetRequiredService<IBusControl>().ConnectPublishObserver(notices);
        Console.WriteLine($"{options.Locations} locations × {options.RatePerLocation} signals/s for {options.Seconds} s = {total} signals offered at {options.Locations * options.RatePerLocation}/s, "
            + (options.Pack > 1 ? $"in packs of {options.Pack} per message" : "one message each")
            + (options.Prefill ? "" : warmUp ? ", on the warmed host" : ", on a cold host (no warm-up)"));
        // Prefilled: consumption begins with the start, so the start (and its JIT) is counted too.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var statements = await PostgresStatements.StartAsync(options.Postgres, databaseName);
        var checkpointsBefore = await PostgresStatements.CheckpointsAsync(options.Postgres);
        var started = Stopwatch.GetTimestamp();
        if (!warmUp)
            await app.StartAsync();
        if (!options.Prefill)
        {
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            started = Stopwatch.GetTimestamp();
        }

        var postgresBefore = ServerCpu.Postgres(databaseName);
        var brokerBefore = ServerCpu.Broker(options.BrokerPid);
        using var sampling = new CancellationTokenSource();
        var steady = SteadyWindow.Start(stages, total, databaseName, options.BrokerPid, sampling.Token);

        if (publisher is not null)
        {
            sent = await SendAsync(publisher, plan, crossings, started, paced: true, timeline);
            sendSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await publisher.DisposeAsync();
        }

        var expectedRequests = options.Prefill ? prefilledCrossings : crossings.Count;
        var drainDeadline = Stopwatch.StartNew();
        while ((stages.Signals < sent || arrivals.Count < expectedRequests) && drainDeadline.Elapsed < TimeSpan.FromSeconds(120))
            await Task.Delay(100);
        await sampling.CancelAsync();
        var consumeSeconds = options.Prefill ? stages.Seconds : Stopwatch.GetElapsedTime(started, stages.LastTimestamp).TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var postgresCpu = ServerCpu.Postgres(databaseName) - postgresBefore;
        var brokerCpu = ServerCpu.Broker(options.BrokerPid) - brokerBefore;
        var runSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var idlePerSecond = idle.Process;
        var postgresIdlePerSecond = idle.Postgres;
        var brokerIdlePerSecond = idle.Broker;
        await stop.CancelAsync();
        await receiving;

        var latencies = crossings
            .Where(c => arrivals.ContainsKey(c.Key))
            .Select(c => Stopwatch.GetElapsedTime(c.Value, arrivals[c.Key]).TotalMilliseconds)
            .Order().ToList();
        var saga = cost.ByType.Where(t => t.Key is "LineSideLevelLow" or "ReplenishmentReceived" or "ReplenishmentTimeoutExpired").Sum(t => t.Value.Milliseconds);
        Console.WriteLine(options.Prefill
            ? $"prefilled       {sent} signals in {sendSeconds:0.0} s before Bridge started (the rate below is the drain alone)"
            : $"sent            {sent} signals in {sendSeconds:0.0} s ({sent / sendSeconds:0} /s offered)");
        Console.WriteLine($"consumed        {stages.Signals} signals by {consumeSeconds:0.0} s → sustained {stages.Signals / consumeSeconds:0} signals/s");
        if (stages.Signals < sent || arrivals.Count < expectedRequests)
            Console.WriteLine("unfinished      the drain did not end within 120 s");
        Console.WriteLine(idle);
        // CPU time per signal is what stays comparable on a shared machine: this process (Bridge, and the publisher
        // unless prefilled), the run's PostgreSQL backends, the broker; two free cores divided by their sum is the ceiling.
        var per = Math.Max(stages.Signals, 1);
        var bridgeUs = cpu.TotalMilliseconds * 1000 / per;
        var netUs = Math.Max(0, cpu.TotalMilliseconds - idlePerSecond.TotalMilliseconds * runSeconds) * 1000 / per;
        var postgresUs = Math.Max(0, postgresCpu.TotalMilliseconds - postgresIdlePerSecond.TotalMilliseconds * runSeconds) * 1000 / per;
        var brokerUs = Math.Max(0, brokerCpu.TotalMilliseconds - brokerIdlePerSecond.TotalMilliseconds * runSeconds) * 1000 / per;
        Console.WriteLine($"cpu             {bridgeUs:0} µs per signal in this process ({(options.Prefill ? "Bridge alone" : "Bridge + publisher")}; {netUs:0} µs without the idle host's "
            + $"{idlePerSecond.TotalMilliseconds:0} ms/s), {postgresUs:0} µs in PostgreSQL (without its idle {postgresIdlePerSecond.TotalMilliseconds:0} ms/s, "
            + $"{postgresCpu.TotalMilliseconds * 1000 / per:0} with), "
            + (options.BrokerPid is null ? "broker not measured (--broker-pid)" : $"{brokerUs:0} µs in RabbitMQ (without its idle {brokerIdlePerSecond.TotalMilliseconds:0} ms/s, {brokerCpu.TotalMilliseconds * 1000 / per:0} with)"));
        if (publisherUs is { } publisherPerSignal)
            Console.WriteLine($"publisher       {publisherPerSignal:0} µs CPU per signal (RabbitMQ.Client, persistent, confirms; measured while prefilling, not in the figures above)");
        Console.WriteLine($"ceiling         ≈ {2_000_000 / Math.Max(netUs + postgresUs + brokerUs, 1):0} signals/s on two free cores at that cost (this process alone: ≈ {2_000_000 / Math.Max(netUs, 1):0})");
        Console.WriteLine($"requests        {arrivals.Count} at the WMS for {expectedRequests} crossings (one per location expected)");
        var all = saga + stages.TotalMilliseconds;
        Console.WriteLine($"saga share      {saga / Math.Max(all, 1):P1} of the time spent on signal batches and saga events ({saga:0} of {all:0} ms)");
        foreach (var (type, (count, ms)) in cost.ByType.Where(t => t.Key != "LineSideConsumptionReported").OrderByDescending(t => t.Value.Milliseconds))
            Console.WriteLine($"  {type,-30} {count,8} consumed, {ms / Math.Max(count, 1):0.00} ms each");
        stages.Print(Console.Out);
        await statements.PrintAsync(Console.Out, stages.Signals);
        await steady.PrintAsync(Console.Out, withPublisher: !options.Prefill, idlePerSecond, postgresIdlePerSecond, brokerIdlePerSecond);
        var checkpointsAfter = await PostgresStatements.CheckpointsAsync(options.Postgres);
        timeline.Print(Console.Out, (checkpointsAfter.Count - checkpointsBefore.Count, checkpointsAfter.WriteMs - checkpointsBefore.WriteMs));
        if (latencies.Count > 0)
        {
            Console.WriteLine($"crossing → WMS  p50 {LatencySplit.Percentile(latencies, 0.50):0} ms, p99 {LatencySplit.Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms");
            LatencySplit.Print(Console.Out, crossings, notices, cost, arrivals);
            LatencySplit.PrintByTime(Console.Out, crossings, notices, arrivals, started, TimeSpan.FromSeconds(2));
        }
        await app.StopAsync();
        Directory.Delete(config, recursive: true);
        return arrivals.Count == expectedRequests && stages.Signals >= sent ? 0 : 1;
    }

    private static WebApplication Build(BenchmarkOptions options, string database, string config, SimulatedSystems wms) =>
        BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:Mode"] = "Production",
            ["Bridge:RabbitMqUri"] = options.RabbitMq,
            ["Bridge:PostgresConnectionString"] = database,
            ["Bridge:ConfigDir"] = config,
            ["Bridge:PrefetchCount"] = "200",
            ["Bridge:ConcurrentMessageLimit"] = "64",
            ["Bridge:Systems:wms-b:BaseUrl"] = new Uri(wms.BaseUrl, "/wms-b").AbsoluteUri,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Bridge.Host"] = "Error",
        }));

    /// <summary>
    /// Sends the plan's ticks, paced (tick n goes out at n × 10 ms, catching up when late) or as fast as confirms allow;
    /// a crossing is stamped when its tick is handed to the client. Returns how many signals were sent, all confirmed.
    /// </summary>
    internal static async Task<long> SendAsync(RawSignalPublisher publisher, SignalPlan plan, ConcurrentDictionary<string, long> crossings, long started, bool paced, BatchTimeline? timeline)
    {
        long sent = 0;
        for (var tick = 0; tick < plan.Ticks.Count; tick++)
        {
            var (bodies, crossed, signals) = plan.Ticks[tick];
            var now = Stopwatch.GetTimestamp();
            foreach (var location in crossed)
                crossings[location] = now;
            await publisher.PublishAsync(bodies, packed: plan.Packed);
            timeline?.Offered(started + (long)(tick * Stopwatch.Frequency / (double)SignalPlan.TicksPerSecond), now, Stopwatch.GetTimestamp(), signals);
            sent += signals;
            if (!paced)
                continue;
            var wait = TimeSpan.FromSeconds((tick + 1.0) / SignalPlan.TicksPerSecond) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
        }

        await publisher.ConfirmAllAsync();
        return sent;
    }

    private static async Task ReceiveAsync(SimulatedSystems wms, ConcurrentDictionary<string, long> arrivals, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var call = await wms.NextAsync("wms-b", TimeSpan.FromMilliseconds(500));
                var row = call.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Split(';');
                arrivals.TryAdd(row[1], Stopwatch.GetTimestamp());
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private static string PrepareConfig(int locations, bool warmUp)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "config");
        var target = Directory.CreateTempSubdirectory("bridge-bench-config-").FullName;
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }

        var yaml = new StringBuilder("locations:\n");
        for (var i = 0; i < locations * (warmUp ? 2 : 1); i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  {(i < locations ? SignalPlan.Location(i) : SignalPlan.Location(i - locations, WarmUp.Prefix))}:
                    line: L{i / 100}
                    material: A-100
                    unit: pcs
                    reorderPoint: 40
                    max: 120
                    packSize: 20
                    source: [WH-B]
                    leadTime: "01:00:00"

                """);
        }

        File.WriteAllText(Path.Combine(target, "line-side.yaml"), yaml.ToString());
        return target;
    }

    /// <summary>A fresh database for the run, so levels and sagas start empty.</summary>
    private static async Task<string> CreateDatabaseAsync(string connectionString)
    {
        var name = $"bench_{Guid.NewGuid():N}"[..20];
        await using (var admin = NpgsqlDataSource.Create(connectionString))
        await using (var command = admin.CreateCommand($"create database {name}"))
            await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
    }
}
