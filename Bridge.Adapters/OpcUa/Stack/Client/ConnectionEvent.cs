namespace Bridge.Adapters.OpcUa.Stack.Client;

/// <summary>A change of the connection: lost (with the reason), restored (with how long it was gone), closed.</summary>
public sealed record ConnectionEvent(ConnectionState State, DateTimeOffset At, string Detail, TimeSpan? Gap = null);
