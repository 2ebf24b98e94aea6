using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.Mqtt;

/// <summary>MQTT adapter events: 2200–2299.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "MQTT {Name}: connected to {Host}:{Port} (session present {SessionPresent}), {Subscriptions} subscriptions")]
    public static partial void Connected(ILogger logger, string name, string host, int port, bool sessionPresent, int subscriptions);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "MQTT {Name}: cannot connect to {Host}:{Port}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string name, string host, int port, string reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "MQTT {Name}: connection lost: {Reason}")]
    public static partial void Disconnected(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "MQTT {Name}: reconnecting in {Delay}")]
    public static partial void Reconnecting(ILogger logger, string name, TimeSpan delay);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "MQTT {Name}: broker refused subscription {Topic}: {Code}")]
    public static partial void SubscriptionRefused(ILogger logger, string name, string topic, string code);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Warning, Message = "MQTT {Name}: message on {Topic} matches no subscription; acknowledged without handing it on")]
    public static partial void Unrouted(ILogger logger, string name, string topic);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Warning, Message = "MQTT {Name}: message on {Topic} was not taken ({Reason}); not acknowledged, reconnecting so the broker re-delivers")]
    public static partial void NotTaken(ILogger logger, string name, string topic, string reason);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Warning, Message = "MQTT {Name}: acknowledging {Topic} failed: {Reason}")]
    public static partial void AckFailed(ILogger logger, string name, string topic, string reason);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Information, Message = "MQTT {Name}: message on {Topic} kept as dead letter {DeadLetterId}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string name, string topic, Guid? deadLetterId, string reason);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Debug, Message = "MQTT {Name}: published to {Topic} (QoS {Qos}, retain {Retain})")]
    public static partial void Published(ILogger logger, string name, string topic, int qos, bool retain);

    [LoggerMessage(EventId = 2211, Level = LogLevel.Warning, Message = "MQTT {Name}: not connecting: {Reason}")]
    public static partial void Off(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 2220, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port}")]
    public static partial void BrokerStarted(ILogger logger, string address, int port);

    [LoggerMessage(EventId = 2221, Level = LogLevel.Error, Message = "Embedded MQTT broker could not listen on {Address}:{Port}: {Reason}")]
    public static partial void BrokerFailed(ILogger logger, string address, int port, string reason);
}
