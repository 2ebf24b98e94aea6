namespace Bridge.Adapters.OpcUa.Subscriptions;

/// <summary>Something a consumer of a subscription should know beyond values: gaps, restorations, rejections.</summary>
public sealed record SubscriptionEvent(SubscriptionEventKind Kind, string Detail, TimeSpan? Gap = null);
