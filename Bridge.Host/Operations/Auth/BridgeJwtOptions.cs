namespace Bridge.Host.Operations.Auth;

/// <summary>
/// Section <c>Bridge:Auth:Jwt</c>: bearer tokens from a site's identity provider. The token's <see cref="RoleClaim"/>
/// must hold <see cref="OperatorRole"/> or <see cref="AdministratorRole"/>; other tokens are refused (403).
/// </summary>
public sealed class BridgeJwtOptions
{
    /// <summary>The identity provider (OpenID Connect discovery at <c>{Authority}/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for. Default <c>bridge</c>.</summary>
    public string Audience { get; set; } = "bridge";

    /// <summary>Issuer to accept when there is no Authority (with <see cref="SigningKey"/>).</summary>
    public string? Issuer { get; set; }

    /// <summary>A shared HMAC key (at least 32 bytes) instead of an Authority: for sites without discovery, and tests.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Claim holding the caller's roles. Default <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    public string OperatorRole { get; set; } = "bridge-operator";

    public string AdministratorRole { get; set; } = "bridge-administrator";

    /// <summary>Metadata over plain HTTP is refused unless this is false (a test identity provider on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrEmpty(Authority) || !string.IsNullOrEmpty(SigningKey);
}
