using Microsoft.Extensions.Logging;

namespace Bridge.Host.Messaging;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Bridge messaging: mode {Mode}, prefetch {PrefetchCount}, concurrency {ConcurrentMessageLimit}")]
    public static partial void MessagingConfigured(ILogger logger, BridgeMode mode, ushort prefetchCount, int concurrentMessageLimit);
}
