using System.Globalization;
using Bridge.Adapters.OpcUa.Stack.Client;
using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Security;

namespace Bridge.Benchmarks.OpcUa;

/// <summary>
/// Runs node-opcua's client alone, Bridge's client alone, then both at once, each subscribed to every item of
/// the server's Many folder while the server changes all of them as fast as it can; prints values per second.
/// </summary>
internal sealed class SubscriptionBenchmark(BenchmarkOptions options)
{
    private string pkiDir = "pki";
    private static readonly NodeId Running = NodeId.Parse("ns=1;s=Many.Running");
    private static readonly NodeId Interval = NodeId.Parse("ns=1;s=Many.IntervalMs");
    private static readonly NodeId Changes = NodeId.Parse("ns=1;s=Many.Changes");

    public async Task<int> RunAsync()
    {
        var folder = Path.Combine(options.Repository, "tests", "opcua-server");
        var port = options.Port != 0 ? options.Port : FreePort();
        using var server = options.Url is null
            ? await NodeScript.StartAsync(folder, $"server.js --port {port} --many {options.Items} --auto-accept", "BRIDGE-OPCUA-READY", TimeSpan.FromSeconds(180))
            : null;
        var url = options.Url ?? $"opc.tcp://127.0.0.1:{port}/";
        // The control session is idle for whole phases (and a secured subscription of 10,000 items can take a minute
        // to create on a loaded machine): ask for a session timeout that outlives them.
        await using var control = await OpcUaClient.ConnectAsync(new OpcUaClientOptions
        {
            EndpointUrl = url,
            Session = new Bridge.Adapters.OpcUa.Stack.Session.SessionOptions { SessionTimeout = TimeSpan.FromMinutes(30) },
        });
        // Bridge's PKI for a secured run: its own certificate (the server accepts every client in --auto-accept mode) and the server's, trusted.
        var pki = new PkiStore(Path.Combine(Path.GetTempPath(), "bridge-bench-pki-" + Environment.ProcessId));
        using (var serverCertificate = X509CertificateLoader.LoadCertificate(CertificateBlobs.Leaf(control.Endpoint.ServerCertificate!)))
        {
            pki.Trust(serverCertificate);
        }
        pkiDir = pki.Root;
        await control.WriteValueAsync(Interval, Variant.From((uint)options.ServerIntervalMs));
        Console.WriteLine($"{options.Items} monitored items, publishing every {options.PublishingMs} ms, sampling interval {options.SamplingMs} ms, server changes all items every {options.ServerIntervalMs} ms (or as fast as it can), {options.Seconds} s per phase, security {options.Policy}{(options.Policy == "None" ? "" : "/" + options.Mode)}");
        try
        {
            if (options.Only is { } only)
            {
                return await RunOneClientAsync(control, folder, url, only);
            }
            var alone = new List<(string Phase, Phase Result)>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                alone.Add(($"alone, round {round}", await MeasureAsync(control, [await NodeOpcUaSubscriber.StartAsync(folder, url, options)])));
                alone.Add(($"alone, round {round}", await MeasureAsync(control, [await BridgeSubscriber.StartAsync(url, options, pkiDir)])));
            }
            // Together, twice, each client subscribing first once: the server favours the older subscription's queues.
            var both = await MeasureAsync(control, [await NodeOpcUaSubscriber.StartAsync(folder, url, options), await BridgeSubscriber.StartAsync(url, options, pkiDir)]);
            var bothSwapped = await MeasureAsync(control, [await BridgeSubscriber.StartAsync(url, options, pkiDir), await NodeOpcUaSubscriber.StartAsync(folder, url, options)]);
            Console.WriteLine();
            Console.WriteLine("| phase | client | value changes/s | server changes/s | received / server | received in item sequence | CPU ms per 10k values |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var (phase, result) in alone)
            {
                Print(phase, result);
            }
            Print("together, node-opcua first", both);
            Print("together, Bridge first", bothSwapped);
            var node = alone.Where((_, i) => i % 2 == 0).Select(p => p.Result.Rates[0].Rate).ToList();
            var bridge = alone.Where((_, i) => i % 2 == 1).Select(p => p.Result.Rates[0].Rate).ToList();
            var ratio = bridge.Max(r => r.PerSecond) / node.Max(r => r.PerSecond);
            var cpuRatio = bridge.Min(r => r.CpuMsPer10k) / node.Min(r => r.CpuMsPer10k);
            var togetherRatio = (both.Rates[1].Rate.PerSecond + bothSwapped.Rates[0].Rate.PerSecond) / (both.Rates[0].Rate.PerSecond + bothSwapped.Rates[1].Rate.PerSecond);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bridge / node-opcua value changes per second: {ratio:0.00} alone (best round of each), {togetherRatio:0.00} together (both orders summed); Bridge CPU per value {cpuRatio:0.00}x node-opcua's"));
            return 0;
        }
        finally
        {
            await control.WriteValueAsync(Running, Variant.From(false));
        }
    }

    /// <summary>One client alone for every round (--only bridge|node): for profiling one client without the other's phases.</summary>
    private async Task<int> RunOneClientAsync(OpcUaClient control, string folder, string url, string only)
    {
        Console.WriteLine("| phase | client | value changes/s | server changes/s | received / server | received in item sequence | CPU ms per 10k values |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= options.Rounds; round++)
        {
            ISubscriber subscriber = only == "node"
                ? await NodeOpcUaSubscriber.StartAsync(folder, url, options)
                : await BridgeSubscriber.StartAsync(url, options, pkiDir);
            Print($"alone, round {round}", await MeasureAsync(control, [subscriber]));
        }
        return 0;
    }

    private async Task<Phase> MeasureAsync(OpcUaClient control, IReadOnlyList<ISubscriber> subscribers)
    {
        try
        {
            // The server changes values only while a phase runs: clients subscribe to a quiet server (10,000 items
            // with SignAndEncrypt took more than a minute to create on a loaded machine otherwise) and close on one.
            await control.WriteValueAsync(Running, Variant.From(true));
            await Task.Delay(TimeSpan.FromSeconds(3));
            var produced0 = await ReadChangesAsync(control);
            var first = subscribers.Select(s => s.Read()).ToList();
            // A mark for attaching a profiler to the steady part of the phase (perf record -p, dotnet-trace -p).
            Console.Error.WriteLine($"  measuring {options.Seconds} s (process {Environment.ProcessId})");
            await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
            var last = subscribers.Select(s => s.Read()).ToList();
            var produced1 = await ReadChangesAsync(control);
            var serverRate = (produced1.Value - produced0.Value) / (produced1.At - produced0.At).TotalSeconds;
            var phase = new Phase(serverRate, [.. subscribers.Select((s, i) => (s.Name, Sample.Between(first[i], last[i])))]);
            foreach (var (subscriber, i) in subscribers.Select((s, i) => (s, i)))
            {
                if (Sample.RuntimeBetween(first[i], last[i]) is { } runtime)
                {
                    Console.Error.WriteLine($"  {subscriber.Name}: {runtime}");
                }
            }
            return phase;
        }
        finally
        {
            await control.WriteValueAsync(Running, Variant.From(false));
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync();
            }
        }
    }

    private static async Task<(double Value, DateTime At)> ReadChangesAsync(OpcUaClient control)
    {
        var value = (await control.ReadValuesAsync([Changes]))[0];
        return ((double)value.Value.Value!, value.SourceTimestamp ?? TimeProvider.System.GetUtcNow().UtcDateTime);
    }

    private static void Print(string phase, Phase result)
    {
        foreach (var (name, rate) in result.Rates)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {name} | {rate.PerSecond:N0} | {result.ServerRate:N0} | {rate.PerSecond / result.ServerRate:P0} | {rate.InSequence:P1} | {rate.CpuMsPer10k:0.0} |"));
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Phase(double ServerRate, (string Name, Rate Rate)[] Rates);
}
