using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.OpcUa.Stack;

/// <summary>OPC UA stack events: 2100–2149 of the OPC UA range (2100–2199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "Secure channel {ChannelId} open, token {TokenId} for {LifetimeMs} ms, chunks {SendChunkSize}/{ReceiveChunkSize} bytes")]
    public static partial void ChannelOpened(ILogger logger, uint channelId, uint tokenId, uint lifetimeMs, uint sendChunkSize, uint receiveChunkSize);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Secure channel {ChannelId} renewed: token {TokenId} for {LifetimeMs} ms")]
    public static partial void ChannelRenewed(ILogger logger, uint channelId, uint tokenId, uint lifetimeMs);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Secure channel {ChannelId} broke: {Reason}")]
    public static partial void ChannelFaulted(ILogger logger, uint channelId, string reason);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Session {SessionId} active on {EndpointUrl} as {Identity}")]
    public static partial void SessionActivated(ILogger logger, string sessionId, string endpointUrl, string identity);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Connection to {EndpointUrl} lost: {Reason}; reconnecting")]
    public static partial void ConnectionLost(ILogger logger, string endpointUrl, string reason);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information, Message = "Reconnect attempt {Attempt} to {EndpointUrl} failed: {Reason}; next in {DelayMs} ms")]
    public static partial void ReconnectFailed(ILogger logger, int attempt, string endpointUrl, string reason, long delayMs);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Information, Message = "Reconnected to {EndpointUrl} after {GapMs} ms ({How})")]
    public static partial void Reconnected(ILogger logger, string endpointUrl, long gapMs, string how);

    [LoggerMessage(EventId = 2120, Level = LogLevel.Information, Message = "Subscription {SubscriptionId}: {Count} monitored items in {Batches} calls of at most {BatchSize}")]
    public static partial void ItemsCreated(ILogger logger, uint subscriptionId, int count, int batches, int batchSize);

    [LoggerMessage(EventId = 2121, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: monitored item {NodeId} rejected: {Status}")]
    public static partial void ItemRejected(ILogger logger, uint subscriptionId, string nodeId, string status);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: sequence {Missing} missing, republish gave {Status}")]
    public static partial void RepublishFailed(ILogger logger, uint subscriptionId, uint missing, string status);

    [LoggerMessage(EventId = 2123, Level = LogLevel.Information, Message = "Subscription {OldId} restored as {NewId} by {How}")]
    public static partial void SubscriptionRestored(ILogger logger, uint oldId, uint newId, string how);

    [LoggerMessage(EventId = 2124, Level = LogLevel.Warning, Message = "Publish failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Endpoint {EndpointUrl}: using {Policy}/{Mode} (offered: {Offered})")]
    public static partial void EndpointSelected(ILogger logger, string endpointUrl, string policy, string mode, string offered);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Created the application certificate {Thumbprint} for {ApplicationUri} in {Folder}")]
    public static partial void CertificateCreated(ILogger logger, string thumbprint, string applicationUri, string folder);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "Server certificate of {EndpointUrl} refused: {Reason}")]
    public static partial void ServerCertificateRefused(ILogger logger, string endpointUrl, string reason);
}
