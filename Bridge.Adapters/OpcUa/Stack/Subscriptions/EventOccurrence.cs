using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>An event of a monitored notifier: the values of the item's <see cref="MonitoredItemRequest.EventFields"/>, in their order.</summary>
public readonly record struct EventOccurrence(MonitoredItem Item, IReadOnlyList<Variant> Fields);
