using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.OpcUa;

/// <summary>OPC UA adapter events (devices, writes): 2150–2199 of the OPC UA range (2100–2199); the stack has 2100–2149.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2150, Level = LogLevel.Warning, Message = "Device {Device}: {Message}")]
    public static partial void DeviceProblem(ILogger logger, string device, string message);

    [LoggerMessage(EventId = 2151, Level = LogLevel.Information, Message = "Device {Device}: counter {Node} went from {Previous} to {Current}: treated as a {Kind}")]
    public static partial void CounterDiscontinuity(ILogger logger, string device, string node, string previous, string current, string kind);

    [LoggerMessage(EventId = 2152, Level = LogLevel.Debug, Message = "Device {Device}: wrote target {Target} for system {System}")]
    public static partial void Written(ILogger logger, string device, string target, string system);

    [LoggerMessage(EventId = 2153, Level = LogLevel.Warning, Message = "Device {Device}: queue full ({Capacity} values), oldest {MessageType} value dropped ({Total} dropped so far)")]
    public static partial void ValueDropped(ILogger logger, string device, string messageType, int capacity, long total);
}
