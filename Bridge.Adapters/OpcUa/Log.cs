using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.OpcUa;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Secure channel {ChannelId} open, token {TokenId} for {LifetimeMs} ms, chunks {SendChunkSize}/{ReceiveChunkSize} bytes")]
    public static partial void ChannelOpened(ILogger logger, uint channelId, uint tokenId, uint lifetimeMs, uint sendChunkSize, uint receiveChunkSize);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Secure channel {ChannelId} renewed: token {TokenId} for {LifetimeMs} ms")]
    public static partial void ChannelRenewed(ILogger logger, uint channelId, uint tokenId, uint lifetimeMs);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Secure channel {ChannelId} broke: {Reason}")]
    public static partial void ChannelFaulted(ILogger logger, uint channelId, string reason);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Session {SessionId} active on {EndpointUrl} as {Identity}")]
    public static partial void SessionActivated(ILogger logger, string sessionId, string endpointUrl, string identity);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Connection to {EndpointUrl} lost: {Reason}; reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string endpointUrl, string reason);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Reconnect attempt {Attempt} to {EndpointUrl} failed: {Reason}; next in {DelayMs} ms")]
    public static partial void ReconnectFailed(ILogger logger, int attempt, string endpointUrl, string reason, long delayMs);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "Reconnected to {EndpointUrl} after {GapMs} ms ({How})")]
    public static partial void Reconnected(ILogger logger, string endpointUrl, long gapMs, string how);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Subscription {SubscriptionId}: {Count} monitored items in {Batches} calls of at most {BatchSize}")]
    public static partial void ItemsCreated(ILogger logger, uint subscriptionId, int count, int batches, int batchSize);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: monitored item {NodeId} rejected: {Status}")]
    public static partial void ItemRejected(ILogger logger, uint subscriptionId, string nodeId, string status);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: sequence {Missing} missing, republish gave {Status}")]
    public static partial void RepublishFailed(ILogger logger, uint subscriptionId, uint missing, string status);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Information, Message = "Subscription {OldId} restored as {NewId} by {How}")]
    public static partial void SubscriptionRestored(ILogger logger, uint oldId, uint newId, string how);

    [LoggerMessage(EventId = 4024, Level = LogLevel.Warning, Message = "Publish failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Warning, Message = "Device {Device}: {Message}")]
    public static partial void DeviceProblem(ILogger logger, string device, string message);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Information, Message = "Device {Device}: counter {Node} went from {Previous} to {Current}: treated as a {Kind}")]
    public static partial void CounterDiscontinuity(ILogger logger, string device, string node, string previous, string current, string kind);
}
