using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>"storage" in embedded mode: state lives in the process, so it is as healthy as the process.</summary>
internal sealed class InMemoryStorageHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy("embedded mode: in-memory storage (not durable)"));
}
