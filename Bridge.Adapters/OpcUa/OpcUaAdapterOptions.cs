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

    /// <summary>opc.tcp://host:port/path of the server.</summary>
    public string EndpointUrl { get; set; } = "";

    /// <summary>User name; anonymous when empty.</summary>
    public string? User { get; set; }

    /// <summary>Environment variable holding the password (credentials never live in configuration).</summary>
    public string? PasswordEnv { get; set; }

    /// <summary>Default 500 ms.</summary>
    public int PublishingIntervalMs { get; set; } = 500;

    /// <summary>Longest wait between reconnect attempts. Default 5,000 ms.</summary>
    public int ReconnectMaxDelayMs { get; set; } = 5000;

    public List<OpcUaNodeOptions> Nodes { get; set; } = [];

    public List<OpcUaWriteTargetOptions> Writes { get; set; } = [];

    /// <summary>Copies every setting onto <paramref name="target"/> (for <c>AddOpcUaAdapter(name, loaded.CopyTo)</c>).</summary>
    public void CopyTo(OpcUaAdapterOptions target)
    {
        target.System = System;
        target.EndpointUrl = EndpointUrl;
        target.User = User;
        target.PasswordEnv = PasswordEnv;
        target.PublishingIntervalMs = PublishingIntervalMs;
        target.ReconnectMaxDelayMs = ReconnectMaxDelayMs;
        target.Nodes = Nodes;
        target.Writes = Writes;
    }
}
