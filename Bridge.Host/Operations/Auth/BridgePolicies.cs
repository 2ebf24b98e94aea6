namespace Bridge.Host.Operations.Auth;

/// <summary>The authorization policies every endpoint names (the authorization matrix test checks that each does).</summary>
public static class BridgePolicies
{
    /// <summary>Operators and administrators: read-only views, status page, metrics, OpenAPI, Hangfire dashboard.</summary>
    public const string Operator = "bridge.read";

    /// <summary>Administrators only: replay, discard, reload.</summary>
    public const string Administrator = "bridge.administer";

    /// <summary>A system posting to its own inbound endpoint (<c>{system}</c> route value), a type it may send.</summary>
    public const string SystemInbound = "bridge.system-inbound";

    /// <summary>Device writes: the device's own system or an administrator (the endpoint checks which device).</summary>
    public const string DeviceWrite = "bridge.device-write";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Operator, Administrator, SystemInbound, DeviceWrite], StringComparer.Ordinal);
}
