using Microsoft.Extensions.Hosting;

namespace Bridge.Adapters.Mqtt;

/// <summary>Runs one broker connection for the lifetime of the host.</summary>
internal sealed class MqttConnectionService(MqttConnection connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        connection.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await connection.DisposeAsync().ConfigureAwait(false);
}
