using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>"jobs": healthy when Hangfire's storage answers and at least one Hangfire server is registered in it.</summary>
internal sealed class JobsHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"{servers.Count} Hangfire server(s)")
                : HealthCheckResult.Unhealthy("no Hangfire server is running"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Hangfire storage unreachable: {e.Message}", e));
        }
    }
}
