using System.Diagnostics.Metrics;
using Bridge.Adapters.Hosting;
using Bridge.Host.Infrastructure.Telemetry;

namespace Bridge.Host.Operations.Metrics;

/// <summary>
/// Gauges on <c>/metrics</c> that need a look at storage: sagas by type and state (<c>bridge_sagas</c>), open dead
/// letters (<c>bridge_dead_letters_open</c>), outbox backlog (<c>bridge_outbox_backlog</c>), and each outbound
/// system's state (<c>bridge_system_up</c>: 1 ok or idle, 0 its last send failed); each adapter connection
/// (<c>bridge_adapter_connected</c>, read live). <see cref="OperationsGaugeRefresher"/>
/// fills them on a timer, so a scrape never waits on the database.
/// </summary>
public sealed class OperationsGauges
{
    private volatile GaugeReadings _readings = GaugeReadings.Empty;

    public OperationsGauges(IMeterFactory meters, IEnumerable<IAdapterConnection> connections)
    {
        var meter = meters.Create(BridgeMetrics.Name);
        meter.CreateObservableGauge("bridge.sagas", () => _readings.Sagas.Select(s =>
            new Measurement<long>(s.Count, new("saga", s.Saga), new("state", s.State))), "{saga}", "Saga instances by type and state");
        meter.CreateObservableGauge("bridge.dead_letters.open", () => _readings.OpenDeadLetters, "{message}", "Dead letters neither replayed nor discarded");
        meter.CreateObservableGauge("bridge.outbox.backlog", () => _readings.OutboxBacklog, "{message}", "Messages waiting in the transactional outbox");
        meter.CreateObservableGauge("bridge.system.up", () => _readings.Systems.Select(s =>
            new Measurement<int>(s.Value == SystemHealth.Failing ? 0 : 1, new KeyValuePair<string, object?>("system", s.Key))), null, "1 when the system's last outbound send succeeded (or none was due)");
        var adapters = connections.ToList();
        meter.CreateObservableGauge("bridge.adapter.connected", () => adapters.Select(c =>
            new Measurement<int>(c.Status.Up ? 1 : 0, new("adapter", c.Adapter), new("instance", c.Instance))), null, "1 while an adapter instance's connection (MQTT, AMQP, OPC UA) is up");
    }

    public GaugeReadings Current => _readings;

    public void Update(GaugeReadings readings) => _readings = readings;
}
