namespace Bridge.Adapters.OpcUa.Stack.Subscriptions;

/// <summary>Requested subscription parameters (Part 4, 5.13.2); the server may revise them.</summary>
public sealed record SubscriptionSettings
{
    /// <value>Default 500 ms.</value>
    public TimeSpan PublishingInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Publishing intervals without data before the server sends a keep-alive.</summary>
    /// <value>Default 10.</value>
    public uint MaxKeepAliveCount { get; init; } = 10;

    /// <summary>Publishing intervals without a Publish request before the server drops the subscription; at least 3 × keep-alive.</summary>
    /// <value>Default 120 (one minute at 500 ms).</value>
    public uint LifetimeCount { get; init; } = 120;

    /// <value>Default 0 (no limit).</value>
    public uint MaxNotificationsPerPublish { get; init; }

    public byte Priority { get; init; }
}
