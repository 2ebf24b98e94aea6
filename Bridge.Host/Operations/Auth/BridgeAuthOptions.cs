namespace Bridge.Host.Operations.Auth;

/// <summary>
/// Section <c>Bridge:Auth</c>: the operators' and administrators' keys (name → key, or <c>sha256:&lt;hex&gt;</c>), the
/// local administrator key file, an optional identity provider, and further headers that carry credentials.
/// </summary>
public sealed class BridgeAuthOptions
{
    public const string Section = "Bridge:Auth";

    /// <summary>Operator name → key (read everything).</summary>
    public Dictionary<string, string> Operators { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Administrator name → key (read, replay, discard, device writes, reload).</summary>
    public Dictionary<string, string> Administrators { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Where the local administrator key is created (mode 600) at first start when no administrator key and no
    /// identity provider is configured. Default: <c>~/.local/share/bridge/administrator.key</c>.
    /// </summary>
    public string? AdministratorKeyFile { get; set; }

    /// <summary>Bearer tokens of an identity provider (JWT); off unless Authority or SigningKey is set.</summary>
    public BridgeJwtOptions Jwt { get; set; } = new();

    /// <summary>Headers besides Authorization, Cookie, Proxy-Authorization and X-Api-Key that carry credentials.</summary>
    public List<string> CredentialHeaders { get; set; } = [];

    /// <summary>How long a status-page sign-in lasts. Default 8 hours (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
