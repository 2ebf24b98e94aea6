using Bridge.Faults.Harness;
using Bridge.Faults.Load;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R6: both WMS (pick orders to A, replenishment requests to B) answer 503 for 5 minutes (30 s short) under load.
/// After they return, everything arrives through the durable retry schedule — shortened for the run with
/// Bridge:OutboundRetry:Schedule — and nothing twice.
/// </summary>
public sealed class ReceiverOutageScenario : IFaultScenario
{
    private static readonly string[] Down = ["wms-a", "wms-b"];

    public string Id => "R6";

    public async Task<FaultRow> RunAsync(FaultRun run, CancellationToken cancellationToken)
    {
        var outage = TimeSpan.FromSeconds(run.Short ? 30 : 300);
        string[] schedule = run.Short
            ? ["00:00:05", "00:00:10", "00:00:20", "00:00:30", "00:01:00"]
            : ["00:00:10", "00:00:30", "00:01:00", "00:02:00", "00:05:00"];
        var settings = schedule.Select((delay, i) => ($"Bridge__OutboundRetry__Schedule__{i}", delay)).ToDictionary();
        var requests = new MaterialRequestLoad("R6", run.Short ? 100 : 300, 10);
        var sensors = new SensorLoad(run.Short ? 40 : 100, 40);
        await using var flow = await FaultFlow.StartAsync(run, Id, requests, sensors, cancellationToken, settings: settings);
        foreach (var system in Down)
        {
            flow.Receivers.SetDown(system, true);
        }

        var down = TimeProvider.System.GetUtcNow();
        flow.Say($"{string.Join(" and ", Down)} down (503) for {outage.TotalSeconds:0} s; retry schedule {string.Join(", ", schedule)}");
        var load = flow.RunLoadAsync(down + outage, cancellationToken);
        await Task.Delay(outage, cancellationToken);
        foreach (var system in Down)
        {
            flow.Receivers.SetDown(system, false);
        }

        var back = TimeProvider.System.GetUtcNow();
        flow.Say($"{string.Join(" and ", Down)} up again after {flow.Receivers.Refused} refused calls");
        await load;
        await flow.WaitDeliveredAsync(TimeSpan.FromMinutes(run.Short ? 3 : 12), cancellationToken);
        var recovered = flow.Receivers.Tally(ReceivedKind.PickOrder).FirstArrivalAfter(back);
        return await flow.RowAsync(flow.LoadText(),
            $"WMS A and B answer 503 for {outage.TotalSeconds:0} s; retry schedule {string.Join(", ", schedule)}",
            recovered - back, cancellationToken);
    }
}
