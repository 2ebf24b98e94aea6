using Microsoft.Extensions.Hosting;

namespace Bridge.Adapters.Amqp;

/// <summary>Runs one AMQP connection for the lifetime of the host.</summary>
internal sealed class AmqpConnectionService(AmqpConnection connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        connection.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await connection.DisposeAsync().ConfigureAwait(false);
}
