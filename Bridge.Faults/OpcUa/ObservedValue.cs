namespace Bridge.Faults.OpcUa;

/// <summary>One canonical value as it reached RabbitMQ: the node's value, its source timestamp, and when it arrived.</summary>
public sealed record ObservedValue(decimal Value, DateTimeOffset SourceTimestamp, long ArrivedAt);
