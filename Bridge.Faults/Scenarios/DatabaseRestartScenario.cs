using Bridge.Faults.Harness;
using Bridge.Faults.Load;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R3: PostgreSQL stopped in immediate mode (no checkpoint, as a crash) and started again after a pause, under load.
/// 0 lost, and the host recovers by itself: it is not restarted, and must deliver everything it accepted.
/// </summary>
public sealed class DatabaseRestartScenario : IFaultScenario
{
    public string Id => "R3";

    public async Task<FaultRow> RunAsync(FaultRun run, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromSeconds(run.Short ? 5 : 15);
        var requests = new MaterialRequestLoad("R3", run.Short ? 150 : 600, 10);
        var sensors = new SensorLoad(run.Short ? 40 : 100, 40);
        await using var flow = await FaultFlow.StartAsync(run, Id, requests, sensors, cancellationToken);
        var load = flow.RunLoadAsync(TimeProvider.System.GetUtcNow().AddMinutes(run.Short ? 2 : 5), cancellationToken);
        while (requests.Accepted.Count < requests.Count / 3 && !load.IsCompleted)
        {
            await Task.Delay(100, cancellationToken);
        }

        await flow.Control.StopPostgresAsync(cancellationToken);
        var acceptedBefore = requests.Accepted.Count;
        flow.Say($"PostgreSQL stopped (immediate) after {acceptedBefore} accepted requests; starting again in {pause.TotalSeconds:0} s");
        await Task.Delay(pause, cancellationToken);
        await flow.Control.StartPostgresAsync(cancellationToken);
        var back = TimeProvider.System.GetUtcNow();
        flow.Say("PostgreSQL back");
        await load;
        // As R1 and R8: a call whose attempt the outage cut leaves its claim (a 3-min lease), so the retry schedule
        // (1 min, then 5 min) sends it; the wait must outlast that (session 15: a pick order that came after 2 min).
        await flow.WaitDeliveredAsync(TimeSpan.FromMinutes(7), cancellationToken);
        var recovered = flow.Receivers.Tally(ReceivedKind.Delivery).FirstArrivalAfter(back);
        var note = flow.Host.IsRunning ? null : "the host exited";
        return await flow.RowAsync(flow.LoadText(), $"PostgreSQL stopped (immediate) {pause.TotalSeconds:0} s at {acceptedBefore} requests; host not restarted",
            recovered - back, cancellationToken, note);
    }
}
