namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// Which (message, receiving system) pairs were delivered, so a message routed to two systems is sent to each
/// independently: a retry after one system failed never sends again to the one that took it.
/// </summary>
public interface IOutboundDeliveryLog
{
    Task<bool> WasDeliveredAsync(Guid messageId, string system, CancellationToken ct);

    /// <summary>
    /// Unless the pair was delivered, takes it for one call until <paramref name="until"/>, so a second host that got the
    /// same message (redelivered while the first host's call was still under way) does not call the system too. The
    /// delivery check and the claim are one step (one statement in PostgreSQL).
    /// </summary>
    /// <returns><see cref="DeliveryClaim.Delivered"/> when the pair was delivered (nothing claimed);
    /// <see cref="DeliveryClaim.ClaimedElsewhere"/> while another claim on the pair is live (its <c>until</c> is after
    /// <paramref name="now"/>); otherwise <see cref="DeliveryClaim.Claimed"/>.</returns>
    Task<DeliveryClaim> ClaimAsync(Guid messageId, string system, DateTimeOffset now, DateTimeOffset until, CancellationToken ct);

    /// <summary>Gives a claim up after a call that failed, so the next attempt (any host's) may call at once.</summary>
    Task ReleaseClaimAsync(Guid messageId, string system, CancellationToken ct);

    /// <summary>Records the delivery and ends the pair's claim.</summary>
    Task MarkDeliveredAsync(Guid messageId, string system, DateTimeOffset at, CancellationToken ct);

    /// <summary>Forgets deliveries recorded, and claims that ended, before <paramref name="cutoff"/>.</summary>
    /// <returns>The number of delivery rows removed.</returns>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct);
}
