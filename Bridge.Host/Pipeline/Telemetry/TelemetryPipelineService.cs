namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>Runs the telemetry pipeline for the lifetime of the host; stopping it leaves unconfirmed readings unacknowledged.</summary>
internal sealed class TelemetryPipelineService(TelemetryPipeline pipeline) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        pipeline.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await pipeline.DisposeAsync().ConfigureAwait(false);
}
