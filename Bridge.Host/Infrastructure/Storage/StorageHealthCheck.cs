using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>"storage": production mode opens a connection and runs a trivial query.</summary>
internal sealed class StorageHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("PostgreSQL reachable");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL unreachable: {e.Message}", e);
        }
    }
}
