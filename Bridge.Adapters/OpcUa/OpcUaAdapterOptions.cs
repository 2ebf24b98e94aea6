namespace Bridge.Adapters.OpcUa;

/// <summary>
/// One OPC UA device (a PLC or a line's server) under a name: where it is, who Bridge is there, which nodes
/// feed which inbound message type, and which nodes Bridge may write back to. Bound from
/// <c>Bridge:Adapters:OpcUa:{name}</c> or loaded from a device YAML file (<c>DeviceFiles/OpcUaDeviceFile</c>).
/// </summary>
public sealed class OpcUaAdapterOptions
{
    /// <summary>The system id put on every envelope (the mappings' <c>system:</c>). Default: the adapter name.</summary>
    public string? System { get; set; }

    /// <summary>Values waiting for the pipeline; when full the oldest is dropped with a log line (see DeviceEnvelopeQueue).</summary>
    public int QueueCapacity { get; set; } = DeviceEnvelopeQueue.DefaultCapacity;

    /// <summary>opc.tcp://host:port/path of the server.</summary>
    public string EndpointUrl { get; set; } = "";

    /// <summary>User name; anonymous when empty.</summary>
    public string? User { get; set; }

    /// <summary>Environment variable holding the password (credentials never live in configuration).</summary>
    public string? PasswordEnv { get; set; }

    /// <summary>
    /// None (default), Best (the most secure policy the server offers), Basic256Sha256, Aes128_Sha256_RsaOaep or
    /// Aes256_Sha256_RsaPss. Every policy but None needs Bridge's certificate trusted by the server and the
    /// server's certificate trusted in <see cref="PkiDir"/>.
    /// </summary>
    public string SecurityPolicy { get; set; } = "None";

    /// <summary>Best (default: SignAndEncrypt before Sign), Sign or SignAndEncrypt; None with policy None.</summary>
    public string? SecurityMode { get; set; }

    /// <summary>The PKI folder (own/, trusted/, issuers/, rejected/). Default "pki" (relative to the working directory).</summary>
    public string PkiDir { get; set; } = "pki";

    /// <summary>anonymous, username (needs user and passwordEnv) or x509 (needs userCertificate and userKey). Default: username when user is set, else anonymous.</summary>
    public string? UserTokenType { get; set; }

    /// <summary>PEM file of the user certificate for userTokenType x509.</summary>
    public string? UserCertificate { get; set; }

    /// <summary>PEM file of the user certificate's private key for userTokenType x509.</summary>
    public string? UserKey { get; set; }

    /// <summary>Default 500 ms.</summary>
    public int PublishingIntervalMs { get; set; } = 500;

    /// <summary>Longest wait between reconnect attempts. Default 5,000 ms.</summary>
    public int ReconnectMaxDelayMs { get; set; } = 5000;

    public List<OpcUaNodeOptions> Nodes { get; set; } = [];

    public List<OpcUaWriteTargetOptions> Writes { get; set; } = [];

    /// <summary>Event subscriptions (alarms and conditions), each feeding an inbound message type.</summary>
    public List<OpcUaEventOptions> Events { get; set; } = [];

    /// <summary>Copies every setting onto <paramref name="target"/> (for <c>AddOpcUaAdapter(name, loaded.CopyTo)</c>).</summary>
    public void CopyTo(OpcUaAdapterOptions target)
    {
        target.System = System;
        target.EndpointUrl = EndpointUrl;
        target.User = User;
        target.PasswordEnv = PasswordEnv;
        target.SecurityPolicy = SecurityPolicy;
        target.SecurityMode = SecurityMode;
        target.PkiDir = PkiDir;
        target.UserTokenType = UserTokenType;
        target.UserCertificate = UserCertificate;
        target.UserKey = UserKey;
        target.PublishingIntervalMs = PublishingIntervalMs;
        target.ReconnectMaxDelayMs = ReconnectMaxDelayMs;
        target.Nodes = Nodes;
        target.Writes = Writes;
        target.Events = Events;
    }
}
