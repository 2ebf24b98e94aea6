using System.Net;
using Microsoft.Extensions.Logging;

namespace Bridge.Adapters.Http;

/// <summary>HTTP adapter events: 2000–2099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "HTTP outbound attempt {Attempt} failed (status {Status}, error {Error}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, int attempt, HttpStatusCode? status, string? error, TimeSpan delay);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "HTTP outbound {Method} {Url} answered {Status}")]
    public static partial void Sent(ILogger logger, string method, Uri url, int status);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "HTTP outbound to system {System} refused before sending: {Reason}")]
    public static partial void Refused(ILogger logger, string system, string reason);
}
