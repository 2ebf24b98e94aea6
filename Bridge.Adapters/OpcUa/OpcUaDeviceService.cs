using Microsoft.Extensions.Hosting;

namespace Bridge.Adapters.OpcUa;

/// <summary>Runs one device for the lifetime of the host.</summary>
internal sealed class OpcUaDeviceService(OpcUaDevice device) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await device.StartAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await device.DisposeAsync().ConfigureAwait(false);
    }
}
