namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// Which (message, receiving system) pairs were delivered, so a message routed to two systems is sent to each
/// independently: a retry after one system failed never sends again to the one that took it.
/// </summary>
public interface IOutboundDeliveryLog
{
    Task<bool> WasDeliveredAsync(Guid messageId, string system, CancellationToken ct);

    Task MarkDeliveredAsync(Guid messageId, string system, DateTimeOffset at, CancellationToken ct);

    /// <returns>The number of rows removed.</returns>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct);
}
