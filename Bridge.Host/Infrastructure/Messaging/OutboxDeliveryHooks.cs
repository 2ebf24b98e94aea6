namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// Test hooks around consumer-outbox delivery (null, and so without effect, in a running host): tests make the consumer's
/// own delivery pass fail after its consume committed, or hold a sweeper inside a send, to make those races deterministic.
/// </summary>
public sealed class OutboxDeliveryHooks
{
    /// <summary>Runs when a consumer's delivery pass loads its stored messages (throw to make that delivery fail).</summary>
    public Func<InboxKey, Task>? BeforeConsumerDelivery { get; set; }

    /// <summary>Runs before the sweeper sends one stored message (throw to fail that send, or wait to hold the sweeper there).</summary>
    public Func<Guid, Task>? BeforeSweeperSend { get; set; }
}
