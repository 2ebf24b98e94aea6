using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bridge.Host.Operations.Metrics;

/// <summary>
/// Readiness entry <c>systems</c>: Degraded (still ready: Bridge keeps and retries what it could not send) when an
/// outbound system's last send failed; its data name each system's state (shown to signed-in callers only).
/// </summary>
public sealed class SystemsHealthCheck(OperationsGauges gauges) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var systems = gauges.Current.Systems;
        var data = systems.ToDictionary(s => s.Key, s => (object)s.Value.ToString().ToLowerInvariant());
        var failing = systems.Where(s => s.Value == SystemHealth.Failing).Select(s => s.Key).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy($"{systems.Count} outbound system(s), none failing", data)
            : HealthCheckResult.Degraded($"last send failed for {failing.Count} system(s)", data: data));
    }
}
