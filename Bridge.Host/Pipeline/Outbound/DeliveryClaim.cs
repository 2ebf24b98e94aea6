namespace Bridge.Host.Pipeline.Outbound;

/// <summary>What <see cref="IOutboundDeliveryLog.ClaimAsync"/> found for a (message, system) pair.</summary>
public enum DeliveryClaim
{
    /// <summary>Not delivered and free: this host holds the pair now and calls the system.</summary>
    Claimed,

    /// <summary>The system took the message already: nothing to call, nothing claimed.</summary>
    Delivered,

    /// <summary>Another host's claim is live: its call may still be under way.</summary>
    ClaimedElsewhere,
}
