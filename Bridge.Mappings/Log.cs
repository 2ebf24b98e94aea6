using Microsoft.Extensions.Logging;

namespace Bridge.Mappings;

/// <summary>Bridge.Mappings logs with event ids 8000–8099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Mappings reloaded from {ConfigDir}: {Inbound} inbound, {Outbound} outbound")]
    public static partial void MappingsReloaded(ILogger logger, string configDir, int inbound, int outbound);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Error, Message = "Mapping change in {ConfigDir} rejected, the previous mappings keep serving: {Error}")]
    public static partial void MappingReloadRejected(ILogger logger, string configDir, string error);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Error, Message = "Mapping reload from {ConfigDir} failed unexpectedly; the previous mappings keep serving")]
    public static partial void MappingReloadFailed(ILogger logger, Exception exception, string configDir);
}
