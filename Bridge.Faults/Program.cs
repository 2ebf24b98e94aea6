using System.Collections;
using Bridge.Faults;
using Bridge.Faults.Scenarios;

// ./faults.sh [--short] [R1 R2 … | soak]: runs the chosen scenarios (all but the soak by default) one after
// another and prints the table. Exit code 0 only when every row holds (0 lost, 0 duplicated).
var scenarios = new IFaultScenario[]
{
    new HostKillScenario(),
    new BrokerOutageScenario(),
    new DatabaseRestartScenario(),
    new ReceiverOutageScenario(),
    new MutationFloodScenario(),
    new OpcUaServerKillScenario(),
    new ClusterNodeKillScenario(),
    new SoakScenario(),
};

var isShort = args.Contains("--short", StringComparer.OrdinalIgnoreCase);
// R7 is the soak's row: either name selects it.
var chosen = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.Equals("R7", StringComparison.OrdinalIgnoreCase) ? "soak" : a)
    .ToHashSet(StringComparer.OrdinalIgnoreCase);
var unknown = chosen.Where(id => scenarios.All(s => !s.Id.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown scenario(s): {string.Join(", ", unknown)}; known: {string.Join(", ", scenarios.Select(s => s.Id))}");
    return 2;
}

var environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
var work = environment.TryGetValue("BRIDGE_FAULTS_WORK", out var w) && w.Length > 0 ? w : Directory.CreateTempSubdirectory("bridge-faults").FullName;
var run = new FaultRun(isShort, work, environment);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

var rows = new List<FaultRow>();
foreach (var scenario in scenarios.Where(s => chosen.Count == 0 ? !s.Id.Equals("soak", StringComparison.OrdinalIgnoreCase) : chosen.Contains(s.Id)))
{
    Console.WriteLine($"[faults] {scenario.Id} starting");
    try
    {
        rows.Add(await scenario.RunAsync(run, stop.Token));
    }
    catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
    {
        rows.Add(new FaultRow(scenario.Id, "–", "–", 0, 0, 0, 0, "–", null, $"the scenario failed: {ex.GetType().Name}: {ex.Message}"));
    }
    // Each row as soon as it is known, so a run cut short still shows what it measured.
    Console.Write(FaultTable.Render(rows[^1..]));
    Console.WriteLine($"[faults] {scenario.Id} done");
}

Console.WriteLine();
Console.Write(FaultTable.Render(rows));
return rows.Count > 0 && rows.All(r => r.Holds) ? 0 : 1;
