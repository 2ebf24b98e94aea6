using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Bridge.Faults.Harness;
using Bridge.Faults.Load;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R8: a three-node RabbitMQ cluster, Bridge's queues as quorum queues, two Bridge hosts on it (each lists every node)
/// and one PostgreSQL; under a load of material requests and sensor readings the node holding most queue leaders is
/// killed with SIGKILL and started again. Both hosts must keep consuming; 0 lost, 0 duplicated, every request terminal.
/// </summary>
public sealed class ClusterNodeKillScenario : IFaultScenario
{
    public string Id => "R8";

    public async Task<FaultRow> RunAsync(FaultRun run, CancellationToken cancellationToken)
    {
        var cluster = RabbitMqCluster.From(run);
        await cluster.StartAsync(cancellationToken);
        try
        {
            return await RunOnClusterAsync(run, cluster, cancellationToken);
        }
        finally
        {
            await cluster.StopAsync(CancellationToken.None);
        }
    }

    private async Task<FaultRow> RunOnClusterAsync(FaultRun run, RabbitMqCluster cluster, CancellationToken ct)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["Bridge__RabbitMq__QueueType"] = "quorum" };
        for (var node = 1; node <= cluster.Ports.Count; node++)
        {
            settings[$"Bridge__RabbitMq__ClusterNodes__{node - 1}"] = cluster.Node(node);
        }

        var requests = new MaterialRequestLoad("R8", run.Short ? 120 : 600, run.Short ? 8 : 10);
        var sensors = new SensorLoad(run.Short ? 30 : 100, 40);
        await using var flow = await FaultFlow.StartAsync(run, Id, requests, sensors, ct, hosts: 2, settings: settings,
            servers: cluster.On(FaultServers.From(run)));
        var loadEnd = TimeProvider.System.GetUtcNow().AddMinutes(run.Short ? 1 : 4);
        var load = flow.RunLoadAsync(loadEnd, ct);

        while (requests.Accepted.Count < requests.Count / 3 && !load.IsCompleted)
        {
            await Task.Delay(100, ct);
        }

        var (victim, leaders) = await cluster.MostLeadersAsync(flow.Space.Name, ct);
        await cluster.KillNodeAsync(victim, ct);
        var killed = TimeProvider.System.GetUtcNow();
        flow.Say($"killed node {victim} ({leaders} quorum queue leaders) with SIGKILL after {requests.Accepted.Count} accepted requests");
        var down = TimeSpan.FromSeconds(run.Short ? 5 : 30);
        await Task.Delay(down, ct);
        await cluster.StartNodeAsync(victim, ct);
        flow.Say($"node {victim} started again");
        await load;
        // A call cut by the node's loss keeps its claim (OutboundDispatcher.ClaimLease, 3 min) and is made by the retry
        // schedule after it (1 min, then 5 min): the wait without a new arrival covers both steps (session 9: a short run
        // gave up after 2 min on a pick order that arrived, by the schedule, 4.5 min after the kill).
        await flow.WaitDeliveredAsync(TimeSpan.FromMinutes(7), ct);

        var notes = new List<string>();
        var deliveriesAfterKill = flow.Receivers.Tally(ReceivedKind.Delivery).FirstArrivalAfter(killed);
        foreach (var host in flow.Hosts.Where(h => !h.IsRunning))
        {
            notes.Add($"{host.Name} exited");
        }

        var consumers = await ConsumersAsync(cluster, flow.Space.Name, "bridge-material-request-state", ct);
        if (consumers < flow.Hosts.Count)
        {
            notes.Add($"bridge-material-request-state has {consumers} consumer(s) after the node returned, not {flow.Hosts.Count}");
        }

        flow.Say($"bridge-material-request-state consumers at the end: {consumers}");
        return await flow.RowAsync(flow.LoadText() + ", 2 hosts, quorum queues on 3 nodes",
            string.Create(CultureInfo.InvariantCulture, $"kill -9 of the RabbitMQ node with most queue leaders at {requests.Count / 3} requests, restarted after {down.TotalSeconds:0} s"),
            deliveriesAfterKill - killed, ct, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    /// <summary>The consumers of a queue as the management API of the first running node reports them.</summary>
    private static async Task<int> ConsumersAsync(RabbitMqCluster cluster, string virtualHost, string queue, CancellationToken ct)
    {
        // Consumer counts in the management API follow the stats interval: ask until both hosts show or 30 s passed.
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        var seen = 0;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            foreach (var port in cluster.Ports)
            {
                try
                {
                    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{(port + 1).ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(5) };
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("guest:guest")));
                    seen = QueueConsumerCount.Read(await http.GetStringAsync($"/api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}", ct));
                    break;
                }
                catch (HttpRequestException)
                {
                }
            }

            if (seen >= 2)
            {
                return seen;
            }

            await Task.Delay(1000, ct);
        }

        return seen;
    }
}
