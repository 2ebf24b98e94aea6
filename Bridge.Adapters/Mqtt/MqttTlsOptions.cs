namespace Bridge.Adapters.Mqtt;

/// <summary>TLS to the broker: the CA that signed the broker's certificate and, for mutual TLS, Bridge's own certificate.</summary>
public sealed class MqttTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM file of the CA the broker's certificate must chain to; the system trust store when empty.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM file of Bridge's client certificate (mutual TLS).</summary>
    public string? ClientCertFile { get; set; }

    /// <summary>PEM file of the client certificate's private key.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>Host name the broker's certificate must carry; the connection's host when empty.</summary>
    public string? TargetHost { get; set; }
}
