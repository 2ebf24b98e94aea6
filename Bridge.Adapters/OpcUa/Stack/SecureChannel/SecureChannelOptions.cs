namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>Settings of a secure channel.</summary>
public sealed record SecureChannelOptions
{
    /// <summary>Token lifetime asked for; the channel renews at 75 % of what the server grants.</summary>
    /// <value>Default 1 hour.</value>
    public TimeSpan RequestedLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <value>Default 15 seconds.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public IChannelSecurityPolicy Security { get; init; } = SecurityPolicyNone.Instance;
}
