namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>One canonical message ready for the bus: its id, the exchange it is published to, the wire bytes.</summary>
public sealed record TelemetryRecord(Guid MessageId, string Exchange, ReadOnlyMemory<byte> Body);
