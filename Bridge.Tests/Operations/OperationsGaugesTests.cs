using System.Net;
using System.Text;
using Bridge.Host.Demo;
using Bridge.Host.Operations.Metrics;
using Bridge.Tests.Operations.Auth;
using Bridge.Tests.Operations.StatusPage;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Operations;

/// <summary>Sagas by state, open dead letters, outbox backlog, system states and adapter connections reach /metrics; /health/ready names systems to signed-in callers only.</summary>
public sealed class OperationsGaugesTests
{
    [Fact]
    public async Task Gauges_AfterTraffic_AreOnMetrics_AndReadinessNamesSystemsOnlyWhenSignedIn()
    {
        await using var scenario = await StatusPageScenario.StartAsync();
        using var mes = scenario.Host.System(AuthTestHost.MesKey);
        (await mes.PostAsync("/api/inbound/mes/material-request", new StringContent(
            DemoPayloads.MaterialRequest("MR-GAUGE-1", "000001009001", 2), Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var refresher = scenario.Host.App.Services.GetRequiredService<OperationsGaugeRefresher>();
        var gauges = scenario.Host.App.Services.GetRequiredService<OperationsGauges>();

        // The saga runs on the bus: refresh (bounded) until it is counted.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await refresher.RefreshAsync(CancellationToken.None);
        }
        while (gauges.Current.Sagas.Count == 0 && DateTime.UtcNow < deadline);

        gauges.Current.Sagas.Where(s => s.Saga == "material-request").Sum(s => s.Count).ShouldBe(1);
        gauges.Current.OpenDeadLetters.ShouldBe(2);
        gauges.Current.OutboxBacklog.ShouldBe(0);
        gauges.Current.Systems.Keys.ShouldContain("wms-a");
        using var op = scenario.Host.Operator();
        var metrics = (await op.GetStringAsync("/metrics")).Split('\n');
        metrics.ShouldContain(l => l.StartsWith("bridge_sagas{", StringComparison.Ordinal) && l.Contains("saga=\"material-request\"", StringComparison.Ordinal));
        metrics.ShouldContain(l => l.StartsWith("bridge_dead_letters_open", StringComparison.Ordinal));
        metrics.ShouldContain(l => l.StartsWith("bridge_outbox_backlog", StringComparison.Ordinal));
        metrics.ShouldContain(l => l.StartsWith("bridge_system_up{", StringComparison.Ordinal) && l.Contains("system=\"wms-a\"", StringComparison.Ordinal));
        metrics.ShouldContain(l => l.StartsWith("kestrel_active_connections", StringComparison.Ordinal));
        // The scada AMQP instance has no uri in this host: off, so down.
        metrics.ShouldContain(l => l.StartsWith("bridge_adapter_connected{", StringComparison.Ordinal) && l.Contains("adapter=\"amqp\"", StringComparison.Ordinal)
            && l.Contains("instance=\"scada\"", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" 0", StringComparison.Ordinal));
        metrics.ShouldContain(l => l.StartsWith("bridge_adapter_connected{", StringComparison.Ordinal) && l.Contains("adapter=\"mqtt\"", StringComparison.Ordinal));

        var ready = await op.GetStringAsync("/health/ready");
        ready.ShouldContain("\"systems\"");
        ready.ShouldContain("\"wms-a\"");
        using var anonymous = scenario.Host.Anonymous();
        var open = await anonymous.GetStringAsync("/health/ready");
        open.ShouldNotContain("wms-a");
    }
}
