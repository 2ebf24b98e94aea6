using Microsoft.Extensions.Logging;

namespace Bridge.Host.Infrastructure.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Database schema script {ScriptName} (order {Order}) applied")]
    public static partial void SchemaScriptApplied(ILogger logger, string scriptName, int order);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Database schema current: {ScriptCount} scripts, {AppliedCount} applied now")]
    public static partial void SchemaCurrent(ILogger logger, int scriptCount, int appliedCount);
}
