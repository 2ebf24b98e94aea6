using Bridge.Faults.Harness;
using Bridge.Faults.Load;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R2: RabbitMQ stopped (a clean node shutdown) for 60 s (15 s short) under load. HTTP and MQTT inbound must keep
/// accepting (inbound outbox in PostgreSQL, telemetry buffer on disk); after the broker returns everything accepted is
/// delivered, once.
/// </summary>
public sealed class BrokerOutageScenario : IFaultScenario
{
    public string Id => "R2";

    public async Task<FaultRow> RunAsync(FaultRun run, CancellationToken cancellationToken)
    {
        var outage = TimeSpan.FromSeconds(run.Short ? 15 : 60);
        var requests = new MaterialRequestLoad("R2", run.Short ? 150 : 600, 10);
        var sensors = new SensorLoad(run.Short ? 40 : 100, 40);
        await using var flow = await FaultFlow.StartAsync(run, Id, requests, sensors, cancellationToken);
        var load = flow.RunLoadAsync(TimeProvider.System.GetUtcNow().AddMinutes(run.Short ? 2 : 5), cancellationToken);
        while (requests.Accepted.Count < requests.Count / 4 && !load.IsCompleted)
        {
            await Task.Delay(100, cancellationToken);
        }

        await flow.Control.StopRabbitMqAsync(cancellationToken);
        var (acceptedBefore, ackedBefore) = (requests.Accepted.Count, sensors.Acknowledged);
        flow.Say($"RabbitMQ stopped after {acceptedBefore} accepted requests; down for {outage.TotalSeconds:0} s");
        await Task.Delay(outage, cancellationToken);
        var (acceptedDuring, ackedDuring) = (requests.Accepted.Count - acceptedBefore, sensors.Acknowledged - ackedBefore);
        await flow.Control.StartRabbitMqAsync(cancellationToken);
        var back = TimeProvider.System.GetUtcNow();
        flow.Say($"RabbitMQ back; during the outage Bridge accepted {acceptedDuring} requests and the broker acked {ackedDuring} readings");
        await load;
        await flow.WaitDeliveredAsync(TimeSpan.FromMinutes(run.Short ? 2 : 4), cancellationToken);
        var recovered = flow.Receivers.Tally(ReceivedKind.Delivery).FirstArrivalAfter(back);
        var note = acceptedDuring == 0 ? "HTTP inbound accepted nothing while RabbitMQ was down" : null;
        return await flow.RowAsync(flow.LoadText(),
            $"RabbitMQ stopped {outage.TotalSeconds:0} s at {acceptedBefore} requests ({acceptedDuring} requests accepted meanwhile)",
            recovered - back, cancellationToken, note);
    }
}
