using Microsoft.Extensions.Options;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// The recurring job that keeps <c>outbound_deliveries</c> small: rows older than
/// <see cref="OutboundRetryOptions.DeliveryRetentionDays"/> go; the retry schedule ends long before that.
/// </summary>
public sealed class OutboundDeliveryCleanup(IOutboundDeliveryLog deliveries, IOptions<OutboundRetryOptions> options, TimeProvider time,
    ILogger<OutboundDeliveryCleanup> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.DeliveryRetentionDays);
        var removed = await deliveries.DeleteOlderThanAsync(cutoff, ct);
        Log.DeliveriesCleaned(logger, removed, cutoff);
        return removed;
    }
}
