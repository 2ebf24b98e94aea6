using Bridge.Host.Pipeline.Outbound;
using Bridge.Tests.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.Pipeline;

/// <summary>Issue 13 point 7: the delivery log keeps only the configured number of days.</summary>
public sealed class OutboundDeliveryCleanupTests
{
    [Fact]
    public async Task RowsOlderThanTheRetention_AreDeleted_YoungerOnesStay()
    {
        var now = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
        var log = new InMemoryOutboundDeliveryLog();
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        await log.MarkDeliveredAsync(old, "mes", now.AddDays(-8), CancellationToken.None);
        await log.MarkDeliveredAsync(recent, "mes", now.AddDays(-6), CancellationToken.None);
        var cleanup = new OutboundDeliveryCleanup(log, Options.Create(new OutboundRetryOptions { DeliveryRetentionDays = 7 }),
            new FixedTimeProvider(now), NullLogger<OutboundDeliveryCleanup>.Instance);

        (await cleanup.RunAsync(CancellationToken.None)).ShouldBe(1);

        (await log.WasDeliveredAsync(old, "mes", CancellationToken.None)).ShouldBeFalse();
        (await log.WasDeliveredAsync(recent, "mes", CancellationToken.None)).ShouldBeTrue();
    }
}
