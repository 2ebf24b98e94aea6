using System.Globalization;
using Bridge.Faults.Load;

namespace Bridge.Faults.Harness;

/// <summary>
/// What R1–R3 and R6 share: a scenario space, the receivers, one or more Bridge hosts, material requests over HTTP and
/// sensor readings over MQTT; then the reckoning — every accepted request delivered to MES once, every location's
/// replenishment request at WMS B once, every request terminal — as one <see cref="FaultRow"/>.
/// </summary>
public sealed class FaultFlow : IAsyncDisposable
{
    /// <summary>The longest <see cref="WaitDeliveredAsync"/> waits, arrivals or not.</summary>
    public static readonly TimeSpan WaitCap = TimeSpan.FromMinutes(20);

    private readonly List<BridgeHostProcess> _hosts = [];

    // Cancelled when the flow is disposed: a scenario that failed midway does not leave its load running.
    private readonly CancellationTokenSource _stop = new();

    private FaultFlow(FaultRun run, string id, FaultServers servers, ScenarioSpace space, Receivers receivers, MaterialRequestLoad requests, SensorLoad sensors)
    {
        Run = run;
        Id = id;
        Servers = servers;
        Space = space;
        Receivers = receivers;
        Requests = requests;
        Sensors = sensors;
        Control = new ServerControl(servers);
    }

    public FaultRun Run { get; }

    public string Id { get; }

    public FaultServers Servers { get; }

    public ScenarioSpace Space { get; }

    public Receivers Receivers { get; }

    public ServerControl Control { get; }

    public MaterialRequestLoad Requests { get; }

    public SensorLoad Sensors { get; }

    public IReadOnlyList<BridgeHostProcess> Hosts => _hosts;

    public BridgeHostProcess Host => _hosts[0];

    /// <summary>Makes the space and the receivers, starts <paramref name="hosts"/> host(s), sets up orders and stock.</summary>
    /// <param name="servers">Default the suite's own (<see cref="FaultServers.From"/>); R8 points RabbitMQ at its cluster.</param>
    public static async Task<FaultFlow> StartAsync(FaultRun run, string id, MaterialRequestLoad requests, SensorLoad sensors, CancellationToken ct,
        int hosts = 1, IReadOnlyDictionary<string, string>? settings = null, FaultServers? servers = null)
    {
        servers ??= FaultServers.From(run);
        var space = await ScenarioSpace.CreateAsync(run, servers, id, sensors.Locations, ct);
        var receivers = await Receivers.StartAsync(servers.ReceiversPort, ct);
        var flow = new FaultFlow(run, id, servers, space, receivers, requests, sensors);
        try
        {
            for (var i = 0; i < hosts; i++)
            {
                var host = new BridgeHostProcess(servers, space, receivers, $"host{i + 1}", servers.FirstHostPort + i, settings);
                flow._hosts.Add(host);
                await host.StartAsync(ct);
                flow.Say($"{host.Name} ready on {host.BaseUrl} (log {host.LogFile})");
            }

            receivers.ConfirmTo = flow._hosts.Select(h => h.BaseUrl).ToList();
            using var bridge = new BridgeTargets(flow._hosts);
            using var administrator = flow.AdministratorClient();
            await requests.SetUpAsync(bridge, administrator, ct);
            flow.Say($"set up {requests.Count} production orders and WMS A's stock");
            return flow;
        }
        catch
        {
            await flow.DisposeAsync();
            throw;
        }
    }

    public HttpClient AdministratorClient()
    {
        var client = Host.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FaultKeys.Administrator);
        return client;
    }

    public void Say(string text) =>
        Console.WriteLine($"[{Id}] {TimeProvider.System.GetUtcNow():HH:mm:ss} {text}");

    /// <summary>Both loads, paced, until they are done or <paramref name="deadline"/>; progress printed every 5 s.</summary>
    public async Task RunLoadAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        var ct = linked.Token;
        using var bridge = new BridgeTargets(_hosts);
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(5000, stopProgress.Token);
                    Say(Progress(bridge));
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        await Task.WhenAll(Requests.RunAsync(bridge, deadline, null, ct), Sensors.RunAsync(Servers, deadline, ct));
        await stopProgress.CancelAsync();
        await progress;
        Say("load done: " + Progress(bridge));
    }

    public string Progress(BridgeTargets? bridge = null) =>
        $"requests accepted {Requests.Accepted.Count}/{Requests.Count}" + (bridge is null ? "" : $" ({bridge.Retries} retried attempts)") +
        $", readings acked {Sensors.Acknowledged}/{Sensors.Readings}; at the receivers: pick orders {Receivers.Tally(ReceivedKind.PickOrder).Distinct}, " +
        $"deliveries {Receivers.Tally(ReceivedKind.Delivery).Distinct}, replenishments {Receivers.Tally(ReceivedKind.ReplenishmentRequest).Distinct}, " +
        $"503s {Receivers.Refused}";

    /// <summary>
    /// Waits until every accepted request was delivered to MES and every location was replenished, for as long as they
    /// keep arriving: it gives up after <paramref name="stall"/> without a new one (a loaded machine delivers slowly, a
    /// lost message never), and at the latest after <see cref="WaitCap"/>.
    /// </summary>
    public async Task WaitDeliveredAsync(TimeSpan stall, CancellationToken ct)
    {
        var started = TimeProvider.System.GetUtcNow();
        var deadline = started + stall;
        var next = started.AddSeconds(10);
        var missing = Missing();
        while (missing.Requests > 0 || missing.Locations > 0)
        {
            var now = TimeProvider.System.GetUtcNow();
            if (now > deadline || now - started > WaitCap)
            {
                Say($"gave up waiting after {(now - started).TotalSeconds:0} s ({stall.TotalSeconds:0} s without a new arrival): " +
                    $"{missing.Requests} request(s) not delivered, {missing.Locations} location(s) not replenished");
                return;
            }

            if (now > next)
            {
                Say("waiting for deliveries: " + Progress());
                next = now.AddSeconds(10);
            }

            await Task.Delay(500, ct);
            var before = missing;
            missing = Missing();
            if (missing != before)
            {
                deadline = TimeProvider.System.GetUtcNow() + stall;
            }
        }
    }

    private (int Requests, int Locations) Missing()
    {
        var deliveries = Receivers.Tally(ReceivedKind.Delivery);
        var requests = Requests.Accepted.Count(r => !deliveries.HasSubject(r));
        var replenishments = Receivers.Tally(ReceivedKind.ReplenishmentRequest).Items;
        return (requests, Math.Max(0, Sensors.Locations - replenishments));
    }

    /// <summary>The scenario's row: in = requests accepted + locations crossed; out = delivered; duplicates at the receivers.</summary>
    /// <param name="readStates">Read every accepted request's state through the API (false when the run's saga
    /// retention has deleted ended ones: R7 counts what is still open in the table instead).</param>
    public async Task<FaultRow> RowAsync(string load, string fault, TimeSpan? recovery, CancellationToken ct, string? note = null, bool readStates = true)
    {
        var states = readStates
            ? await SagaStates.WaitTerminalAsync(_hosts.First(h => h.IsRunning), Requests.Accepted, TimeSpan.FromSeconds(60), ct)
            : new Dictionary<string, string>();
        var terminal = states.Values.Count(SagaStates.IsTerminal);
        var deliveries = Receivers.Tally(ReceivedKind.Delivery);
        var picks = Receivers.Tally(ReceivedKind.PickOrder);
        var replenishments = Receivers.Tally(ReceivedKind.ReplenishmentRequest);
        var delivered = Requests.Accepted.Count(deliveries.HasSubject);
        var messagesIn = Requests.Accepted.Count + Sensors.Locations;
        var messagesOut = delivered + Math.Min(replenishments.Items, Sensors.Locations);
        var duplicated = picks.Duplicates + replenishments.Duplicates + deliveries.Duplicates;
        var resends = picks.SameKeyResends + replenishments.SameKeyResends + deliveries.SameKeyResends;
        var notes = new List<string>();
        if (note is not null)
        {
            notes.Add(note);
        }

        if (Requests.Rejected > 0)
        {
            notes.Add($"{Requests.Rejected} request(s) refused or never taken");
        }

        if (Sensors.Acknowledged < Sensors.Readings)
        {
            notes.Add($"only {Sensors.Acknowledged} of {Sensors.Readings} readings published");
        }

        if (terminal < states.Count)
        {
            notes.Add("not terminal: " + string.Join(", ", states.Where(s => !SagaStates.IsTerminal(s.Value)).Take(5).Select(s => $"{s.Key} {s.Value}")));
        }

        if (replenishments.Items > Sensors.Locations)
        {
            notes.Add($"replenishment requests for {replenishments.Items} locations, {Sensors.Locations} configured");
        }

        var twice = picks.DuplicatedItems.Concat(replenishments.DuplicatedItems).Concat(deliveries.DuplicatedItems).Take(5).ToList();
        if (twice.Count > 0)
        {
            notes.Add("under a second key: " + string.Join(", ", twice));
        }

        var completed = states.Values.Count(s => s == "Completed");
        Say($"pick orders {picks.Distinct} ({picks.Duplicates} duplicated, {picks.SameKeyResends} same-key resends), " +
            $"deliveries {deliveries.Distinct} ({deliveries.Duplicates}, {deliveries.SameKeyResends}), " +
            $"replenishments {replenishments.Distinct} for {replenishments.Items} locations ({replenishments.Duplicates}, {replenishments.SameKeyResends}), " +
            $"completed {completed}/{states.Count}");
        return new FaultRow(Id, load, fault, messagesIn, messagesOut, messagesIn - messagesOut, duplicated,
            $"{terminal}/{states.Count}", recovery, notes.Count == 0 ? null : string.Join("; ", notes), resends);
    }

    /// <summary>"N requests at R/s + M readings (L locations) over MQTT QoS 1".</summary>
    public string LoadText() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests.Count} material requests at {Requests.PerSecond:0.#}/s over HTTP + {Sensors.Readings} bin readings ({Sensors.Locations} locations) at {Sensors.PerSecond:0.#}/s over MQTT QoS 1");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Receivers.DisposeAsync();
        _stop.Dispose();
    }
}
