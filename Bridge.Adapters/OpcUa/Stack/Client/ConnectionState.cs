namespace Bridge.Adapters.OpcUa.Stack.Client;

public enum ConnectionState
{
    Connected,
    Reconnecting,
    Closed,
}
