using Bridge.Host.Infrastructure.Configuration;
using Microsoft.Extensions.Logging;

namespace Bridge.Host.Infrastructure.Messaging;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Bridge messaging: mode {Mode}, prefetch {PrefetchCount}, concurrency {ConcurrentMessageLimit}")]
    public static partial void MessagingConfigured(ILogger logger, BridgeMode mode, ushort prefetchCount, int concurrentMessageLimit);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Inbox clean-up removed {RowCount} inbox and sent inbound-outbox rows older than {Cutoff}")]
    public static partial void InboxCleaned(ILogger logger, int rowCount, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Inbox clean-up failed; will retry at the next interval")]
    public static partial void InboxCleanupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Outbox relay published {Count} inbound messages")]
    public static partial void RelayPublished(ILogger logger, int count);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Outbox relay pass failed; unsent rows stay and are retried")]
    public static partial void RelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "Inbound outbox row {MessageId} ({MessageType}) cannot be published: {Failure}; kept with failed_at set")]
    public static partial void RelayUnreadableRow(ILogger logger, Guid messageId, string messageType, string failure);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Inbound outbox row {MessageId} ({MessageType}): {Failure}; parked: {Parked}")]
    public static partial void RelayPublishFailed(ILogger logger, Guid messageId, string messageType, string failure, bool parked, Exception exception);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Consumer-outbox sweeper sent stored message {MessageId} to {Destination}: its consumer on {Endpoint} (receipt {InboxMessageId}) stored it at {StoredAt} and never delivered it")]
    public static partial void SweepSent(ILogger logger, Guid messageId, string destination, string endpoint, Guid inboxMessageId, DateTimeOffset storedAt);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "Consumer-outbox sweeper could not send stored message {MessageId} of {Endpoint} to {Destination}: {Failure}; parked: {Parked}")]
    public static partial void SweepSendFailed(ILogger logger, Guid messageId, string endpoint, string destination, string failure, bool parked, Exception exception);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Consumer-outbox sweep sent {Sent} stored messages; {Failed} failed and stay")]
    public static partial void SweepCompleted(ILogger logger, int sent, int failed);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Consumer-outbox sweep failed; stored messages stay and are tried at the next sweep")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Debug, Message = "Consumer-outbox sweep skipped: the bus is unhealthy")]
    public static partial void SweepSkippedBusUnhealthy(ILogger logger);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error, Message = "Receive endpoint {Address} has been unhealthy for {Duration} while the broker is reachable ({Description}): MassTransit stopped retrying it; starting it again")]
    public static partial void EndpointRestarting(ILogger logger, string address, TimeSpan duration, string description);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Error, Message = "Receive endpoint {Address} could not be started again; tried again at the next check")]
    public static partial void EndpointRestartFailed(ILogger logger, string address, Exception exception);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Inbound outbox relay: publishing {MessageId} got no answer within {Timeout}; the pass ends, the row is tried again in the next")]
    public static partial void RelayPublishTimedOut(ILogger logger, Guid messageId, TimeSpan timeout);
}
