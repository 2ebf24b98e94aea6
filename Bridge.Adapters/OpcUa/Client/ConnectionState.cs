namespace Bridge.Adapters.OpcUa.Client;

public enum ConnectionState
{
    Connected,
    Reconnecting,
    Closed,
}
