namespace Bridge.Mappings.Loading;

/// <summary>What an inbound mapping's <c>identity:</c> says makes two messages the same one.</summary>
public enum InboundIdentity
{
    /// <summary>
    /// Orders, requests, confirmations: the same document id and version is the same message, wherever it stands in a
    /// payload, so a resent document is recognised as a duplicate.
    /// </summary>
    Document,

    /// <summary>
    /// Stock and level reports: each report is a new observation of the thing named by <c>id:</c>, identified by its
    /// sequence (<c>version:</c>) and observed-at time (<c>occurredAt</c>), never by its position in a batch or its value,
    /// so a quantity that returns to an earlier value is applied again. Receivers order reports by their time.
    /// </summary>
    State,
}
