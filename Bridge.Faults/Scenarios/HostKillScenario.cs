using Bridge.Faults.Harness;
using Bridge.Faults.Load;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R1: a Bridge host killed with SIGKILL under a steady load of material requests and sensor readings, started again
/// after a pause. Every request must end; 0 lost, 0 duplicate pick orders or replenishment requests at the receivers.
/// </summary>
public sealed class HostKillScenario : IFaultScenario
{
    public string Id => "R1";

    public async Task<FaultRow> RunAsync(FaultRun run, CancellationToken cancellationToken)
    {
        var requests = new MaterialRequestLoad("R1", run.Short ? 150 : 600, run.Short ? 10 : 10);
        var sensors = new SensorLoad(run.Short ? 40 : 100, run.Short ? 40 : 40);
        await using var flow = await FaultFlow.StartAsync(run, Id, requests, sensors, cancellationToken);
        var loadEnd = TimeProvider.System.GetUtcNow().AddMinutes(run.Short ? 2 : 5);
        var load = flow.RunLoadAsync(loadEnd, cancellationToken);

        // Kill once the load is well under way: a third of the requests sent.
        while (requests.Accepted.Count < requests.Count / 3 && !load.IsCompleted)
        {
            await Task.Delay(100, cancellationToken);
        }

        flow.Host.Kill();
        flow.Say($"killed {flow.Host.Name} (SIGKILL) after {requests.Accepted.Count} accepted requests");
        await Task.Delay(TimeSpan.FromSeconds(run.Short ? 3 : 10), cancellationToken);
        await flow.Host.StartAsync(cancellationToken);
        var restarted = TimeProvider.System.GetUtcNow();
        flow.Say($"{flow.Host.Name} started again");
        await load;
        // A call the kill cut keeps its claim for ClaimLease (3 min) and is made by the retry schedule after it (as R8).
        await flow.WaitDeliveredAsync(TimeSpan.FromMinutes(7), cancellationToken);
        var recovered = flow.Receivers.Tally(ReceivedKind.Delivery).FirstArrivalAfter(restarted);
        return await flow.RowAsync(flow.LoadText(), $"kill -9 of the host at {requests.Count / 3} requests, restarted after {(run.Short ? 3 : 10)} s",
            recovered - restarted, cancellationToken);
    }
}
