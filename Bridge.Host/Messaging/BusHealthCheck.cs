using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bridge.Host.Messaging;

/// <summary>"bus": healthy when MassTransit reports the bus and all its endpoints healthy.</summary>
internal sealed class BusHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = bus.CheckHealth();
        return Task.FromResult(result.Status switch
        {
            BusHealthStatus.Healthy => HealthCheckResult.Healthy(result.Description),
            BusHealthStatus.Degraded => HealthCheckResult.Degraded(result.Description, result.Exception),
            _ => HealthCheckResult.Unhealthy(result.Description, result.Exception),
        });
    }
}
