namespace Bridge.Host.Operations.Auth;

internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "No administrator is configured: created the local administrator key file {Path} (readable only by this user); sign in at {SignIn}")]
    public static partial void LocalAdministratorKeyCreated(ILogger logger, string path, string signIn);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "No administrator is configured: the local administrator key is in {Path}; sign in at {SignIn}")]
    public static partial void LocalAdministratorKeyInUse(ILogger logger, string path, string signIn);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Refused a request to {Path} from {Remote}: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string path, string? remote, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Bearer tokens from an identity provider are accepted (authority {Authority}, audience {Audience})")]
    public static partial void JwtEnabled(ILogger logger, string authority, string audience);
}
