namespace Bridge.Adapters.Mqtt;

public enum MqttConnectionState
{
    Stopped,
    Connecting,
    Connected,
    /// <summary>Lost or refused; the adapter tries again after a delay.</summary>
    Disconnected,
}
