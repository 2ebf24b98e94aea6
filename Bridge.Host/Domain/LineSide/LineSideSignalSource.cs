namespace Bridge.Host.Domain.LineSide;

/// <summary>One input that feeds a location: <c>device</c> (an OPC UA node), <c>sensor</c> (an MQTT topic) or <c>manual</c> (scans).</summary>
public sealed record LineSideSignalSource(string Kind, string? Address);
