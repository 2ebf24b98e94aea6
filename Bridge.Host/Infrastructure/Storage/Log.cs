using Microsoft.Extensions.Logging;

namespace Bridge.Host.Infrastructure.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Database schema script {ScriptName} (order {Order}) applied")]
    public static partial void SchemaScriptApplied(ILogger logger, string scriptName, int order);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Database schema current: {ScriptCount} scripts, {AppliedCount} applied now")]
    public static partial void SchemaCurrent(ILogger logger, int scriptCount, int appliedCount);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Deleted {Count} ended sagas from {Table} unchanged since {Cutoff:O}")]
    public static partial void EndedSagasDeleted(ILogger logger, int count, string table, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Clean-up of ended sagas failed; will retry at the next interval")]
    public static partial void EndedSagaCleanupFailed(ILogger logger, Exception exception);
}
