namespace Bridge.Adapters.Mqtt;

public enum MqttConnectionState
{
    Stopped,
    /// <summary>Never opened: <see cref="MqttAdapterOptions.OffReason"/> says why.</summary>
    Off,
    Connecting,
    Connected,
    /// <summary>Lost or refused; the adapter tries again after a delay.</summary>
    Disconnected,
}
