namespace Bridge.Host.Processes.Replenishment;

/// <summary>What <see cref="ReplenishmentTracker"/> made of material arriving at the location.</summary>
public enum ReceiptOutcome
{
    /// <summary>The same receipt was applied before.</summary>
    Duplicate,

    /// <summary>Not for the open request (a delivery, another request's late fulfilment): the level rose, nothing closes.</summary>
    Unrelated,

    /// <summary>Part of the open request arrived; the rest stays open.</summary>
    Partial,

    /// <summary>The open request is fulfilled.</summary>
    Closed,
}
