using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bridge.Adapters.Mqtt;

/// <summary>Healthy while connected; degraded (with the last error) while connecting or reconnecting.</summary>
internal sealed class MqttConnectionHealthCheck(MqttConnection connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(connection.State == MqttConnectionState.Connected
            ? HealthCheckResult.Healthy($"mqtt '{connection.Name}' connected")
            : HealthCheckResult.Degraded($"mqtt '{connection.Name}' {connection.State}: {connection.LastError}"));
}
