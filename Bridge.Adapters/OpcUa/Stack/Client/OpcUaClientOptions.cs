using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Session;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Adapters.OpcUa.Stack.Client;

/// <summary>How to reach a server and how hard to try to stay connected.</summary>
public sealed record OpcUaClientOptions
{
    public required string EndpointUrl { get; init; }

    public UserIdentity Identity { get; init; } = UserIdentity.Anonymous;

    public TransportLimits Transport { get; init; } = new();

    /// <summary>Endpoint security and certificates; SecurityPolicy None by default.</summary>
    public ClientSecurityOptions Security { get; init; } = new();

    public SecureChannelOptions Channel { get; init; } = new();

    public SessionOptions Session { get; init; } = new();

    /// <summary>First wait before a reconnect attempt; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    /// <value>Default 100 ms.</value>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <value>Default 2 seconds.</value>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether a dropped connection is re-established (with subscriptions) or just reported.</summary>
    /// <value>Default true.</value>
    public bool Reconnect { get; init; } = true;
}
