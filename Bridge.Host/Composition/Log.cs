namespace Bridge.Host.Composition;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Configuration from {Directory}: {Systems} system(s), {Inbound} inbound and {Outbound} outbound mapping(s); mode {Mode}")]
    public static partial void ConfigurationLoaded(ILogger logger, string directory, int systems, int inbound, int outbound, string mode);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "System {System} has no API key (set {Where}); its inbound calls get 401")]
    public static partial void NoApiKey(ILogger logger, string system, string where);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "System {System}: outbound TLS certificate verification is OFF (tlsVerify: false); anyone on the path can read and change what Bridge sends it")]
    public static partial void TlsVerificationOff(ILogger logger, string system);
}
