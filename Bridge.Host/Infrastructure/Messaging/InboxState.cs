namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>The inbox row for one receipt, as read (and locked) at the start of an outbox pass.</summary>
public sealed class InboxState
{
    public required InboxKey Key { get; init; }
    public int ReceiveCount { get; init; }
    public DateTime? ConsumedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public long? LastSequenceNumber { get; set; }
}
