namespace Bridge.Adapters.Mqtt;

/// <summary>
/// One named broker connection (section <c>Bridge:Adapters:Mqtt:{name}</c>): where the broker is, who Bridge is
/// there, which topics feed which system's message types, and how outbound messages are published.
/// </summary>
public sealed class MqttAdapterOptions
{
    /// <summary>
    /// Why this connection is never opened (it is registered, its health check reports this reason); null (the
    /// default) connects. The host sets it for the <c>embedded</c> instance when the embedded broker is off and no
    /// broker is configured for it, so a production host does not retry a broker that is not there.
    /// </summary>
    public string? OffReason { get; set; }

    /// <value>Default <c>127.0.0.1</c>.</value>
    public string Host { get; set; } = "127.0.0.1";

    /// <value>Default 1883 (8883 is usual with TLS).</value>
    public int Port { get; set; } = 1883;

    /// <summary>Client id at the broker. A persistent session is bound to it. Default <c>bridge-{name}</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// False (the default) keeps a persistent session: the broker holds QoS 1/2 messages that arrive while Bridge is
    /// away and re-delivers those Bridge received but did not acknowledge.
    /// </summary>
    public bool CleanSession { get; set; }

    /// <summary>MQTT 5 session expiry for a persistent session. Default 1 day.</summary>
    public uint SessionExpirySeconds { get; set; } = 86_400;

    /// <value>Default 30 s.</value>
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary><c>3.1.1</c> or <c>5</c> (the default).</summary>
    public string ProtocolVersion { get; set; } = "5";

    /// <summary>User name; anonymous when empty.</summary>
    public string? User { get; set; }

    /// <summary>Environment variable holding the password (credentials never live in configuration).</summary>
    public string? PasswordEnv { get; set; }

    public MqttTlsOptions Tls { get; set; } = new();

    /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="ReconnectMaxDelayMs"/>, with ±25 % jitter. Default 500 ms.</summary>
    public int ReconnectMinDelayMs { get; set; } = 500;

    /// <value>Default 10,000 ms.</value>
    public int ReconnectMaxDelayMs { get; set; } = 10_000;

    /// <summary>
    /// Most messages received and not yet acknowledged (handed to Bridge, waiting to be durably taken). When reached,
    /// Bridge stops reading from the broker (backpressure). Sent as MQTT 5 Receive Maximum. Default 1,000.
    /// </summary>
    public int MaxInFlight { get; set; } = 1000;

    /// <summary>Inbound: topic filters and the system and message type each feeds.</summary>
    public List<MqttSubscriptionOptions> Subscriptions { get; set; } = [];

    /// <summary>Outbound QoS unless the mapping says otherwise (<c>qos</c> property). Default 1.</summary>
    public int PublishQos { get; set; } = 1;

    /// <summary>Outbound retain flag unless the mapping says otherwise (<c>retain</c> property). Default false.</summary>
    public bool PublishRetain { get; set; }

    /// <summary>Copies every setting onto <paramref name="target"/>.</summary>
    public void CopyTo(MqttAdapterOptions target)
    {
        target.Host = Host;
        target.Port = Port;
        target.ClientId = ClientId;
        target.CleanSession = CleanSession;
        target.SessionExpirySeconds = SessionExpirySeconds;
        target.KeepAliveSeconds = KeepAliveSeconds;
        target.ProtocolVersion = ProtocolVersion;
        target.User = User;
        target.PasswordEnv = PasswordEnv;
        target.Tls = Tls;
        target.ReconnectMinDelayMs = ReconnectMinDelayMs;
        target.ReconnectMaxDelayMs = ReconnectMaxDelayMs;
        target.MaxInFlight = MaxInFlight;
        target.Subscriptions = Subscriptions;
        target.PublishQos = PublishQos;
        target.PublishRetain = PublishRetain;
    }
}
