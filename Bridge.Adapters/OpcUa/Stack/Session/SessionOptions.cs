namespace Bridge.Adapters.OpcUa.Stack.Session;

/// <summary>Settings of a session.</summary>
public sealed record SessionOptions
{
    /// <value>Default "Bridge".</value>
    public string SessionName { get; init; } = "Bridge";

    /// <value>Default "urn:bridge:opcua-client".</value>
    public string ApplicationUri { get; init; } = "urn:bridge:opcua-client";

    /// <summary>How long the server keeps the session without a live channel; reconnects within it can reuse the session.</summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public UserIdentity Identity { get; init; } = UserIdentity.Anonymous;
}
