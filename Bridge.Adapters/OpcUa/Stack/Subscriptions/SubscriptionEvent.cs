namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>Something a consumer of a subscription should know beyond values: gaps, restorations, rejections.</summary>
public sealed record SubscriptionEvent(SubscriptionEventKind Kind, string Detail, TimeSpan? Gap = null);
