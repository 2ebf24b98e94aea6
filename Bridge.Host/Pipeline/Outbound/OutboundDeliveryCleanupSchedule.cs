using Hangfire;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>Registers <see cref="OutboundDeliveryCleanup"/> as a recurring Hangfire job at start (when the host has Hangfire).</summary>
public sealed class OutboundDeliveryCleanupSchedule(IServiceProvider services, IOptions<OutboundRetryOptions> options) : IHostedService
{
    public const string JobId = "bridge-outbound-deliveries-cleanup";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<IRecurringJobManager>()?.AddOrUpdate<OutboundDeliveryCleanup>(JobId, c => c.RunAsync(CancellationToken.None), options.Value.CleanupCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
