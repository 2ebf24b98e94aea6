using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.Amqp;

/// <summary>AMQP adapter events: 2300–2399.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "AMQP {Name}: connected to {Host}, consuming {Queues} queues")]
    public static partial void Connected(ILogger logger, string name, string host, int queues);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "AMQP {Name}: cannot connect: {Reason}; trying again in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string name, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "AMQP {Name}: message from queue {Queue} was not taken ({Reason}); returned to the queue")]
    public static partial void NotTaken(ILogger logger, string name, string queue, string reason);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "AMQP {Name}: message from queue {Queue} kept as dead letter {DeadLetterId} and acknowledged: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string name, string queue, Guid? deadLetterId, string reason);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "AMQP {Name}: no Uri configured (Bridge:Adapters:Amqp:{Name}:Uri); its queues are not consumed")]
    public static partial void NotConfigured(ILogger logger, string name);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Debug, Message = "AMQP {Name}: published to exchange {Exchange} with key {RoutingKey}")]
    public static partial void Published(ILogger logger, string name, string exchange, string routingKey);
}
