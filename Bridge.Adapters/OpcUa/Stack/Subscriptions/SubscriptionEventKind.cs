namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

public enum SubscriptionEventKind
{
    /// <summary>Notification messages were lost for good (republish failed); values in between may be missing.</summary>
    Gap,

    /// <summary>After a reconnect the subscription continues: kept on the same session, transferred, or recreated.</summary>
    Restored,

    /// <summary>The server reported a subscription status change (StatusChangeNotification).</summary>
    StatusChanged,

    /// <summary>The server rejected a monitored item.</summary>
    ItemRejected,
}
