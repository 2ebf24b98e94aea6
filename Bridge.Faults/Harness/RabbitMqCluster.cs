using System.Diagnostics;
using System.Globalization;

namespace Bridge.Faults.Harness;

/// <summary>
/// The three-node RabbitMQ cluster of scripts/rabbitmq-cluster.sh (BRIDGE_FAULTS_CLUSTER: the script;
/// BRIDGE_FAULTS_CLUSTER_PORTS: the nodes' AMQP ports, management on port + 1): start, kill -9 a node, start it again,
/// and which node holds most quorum queue leaders of a virtual host.
/// </summary>
public sealed class RabbitMqCluster(string script, IReadOnlyList<int> ports)
{
    public IReadOnlyList<int> Ports { get; } = ports;

    public static RabbitMqCluster From(FaultRun run)
    {
        var ports = run.Environment.TryGetValue("BRIDGE_FAULTS_CLUSTER_PORTS", out var text) && text.Length > 0 ? text : "57850 57860 57870";
        return new RabbitMqCluster(run.Setting("BRIDGE_FAULTS_CLUSTER"),
            ports.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList());
    }

    /// <summary>Node <paramref name="node"/> (1-based) as <c>127.0.0.1:port</c>, the form Bridge:RabbitMq:ClusterNodes takes.</summary>
    public string Node(int node) => $"127.0.0.1:{Ports[node - 1].ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The suite's servers with RabbitMQ (and its management API) on node 1 of the cluster.</summary>
    public FaultServers On(FaultServers servers) => servers with
    {
        RabbitMq = new Uri($"amqp://guest:guest@{Node(1)}/"),
        RabbitMqManagement = new Uri($"http://guest:guest@127.0.0.1:{(Ports[0] + 1).ToString(CultureInfo.InvariantCulture)}/"),
    };

    public Task StartAsync(CancellationToken ct) => RunAsync(ct, "start");

    public Task StopAsync(CancellationToken ct) => RunAsync(ct, "stop");

    public Task KillNodeAsync(int node, CancellationToken ct) => RunAsync(ct, "kill-node", node.ToString(CultureInfo.InvariantCulture));

    public Task StartNodeAsync(int node, CancellationToken ct) => RunAsync(ct, "start-node", node.ToString(CultureInfo.InvariantCulture));

    /// <summary>The node (1-based) holding most quorum queue leaders of <paramref name="virtualHost"/>, and how many; node 1 when none is known.</summary>
    public async Task<(int Node, int Leaders)> MostLeadersAsync(string virtualHost, CancellationToken ct)
    {
        // Lines "  12 bridge-faults-1@localhost", most first.
        var first = (await RunAsync(ct, "leaders", virtualHost)).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var parts = first?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 2 } || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var leaders))
            return (1, 0);
        var name = parts[1];
        var node = name.StartsWith("bridge-faults-", StringComparison.Ordinal) && int.TryParse(name["bridge-faults-".Length..name.IndexOf('@', StringComparison.Ordinal)], CultureInfo.InvariantCulture, out var n) ? n : 1;
        return (node, leaders);
    }

    private async Task<string> RunAsync(CancellationToken ct, params string[] arguments)
    {
        var info = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["BRIDGE_FAULTS_CLUSTER_PORTS"] = string.Join(' ', Ports.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmq-cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {(await output + await error).Trim()}");
        }

        return await output;
    }
}
