using Microsoft.Extensions.Options;

namespace Bridge.Host.Operations.Auth;

/// <summary>
/// Headers that carry credentials: Authorization, Cookie, Proxy-Authorization, X-Api-Key and those configured in
/// <c>Bridge:Auth:CredentialHeaders</c>. Once the caller is known they are removed from the request, so nothing
/// after authentication — envelopes, dead letters, logs, audit — can store or print them.
/// </summary>
public sealed class CredentialHeaders(IOptions<BridgeAuthOptions> options)
{
    public static readonly IReadOnlyList<string> Always = ["Authorization", "Cookie", "Proxy-Authorization", "X-Api-Key"];

    private readonly HashSet<string> _names = new(Always.Concat(options.Value.CredentialHeaders), StringComparer.OrdinalIgnoreCase);

    public bool Contains(string name) => _names.Contains(name);

    public IReadOnlyCollection<string> Names => _names;

    /// <summary>Metadata keys as the HTTP adapter writes them (<c>header.&lt;name&gt;</c>) that carry credentials.</summary>
    public bool IsCredentialMetadata(string key) =>
        key.StartsWith("header.", StringComparison.OrdinalIgnoreCase) && _names.Contains(key["header.".Length..]);

    /// <summary>Middleware: after authentication and authorization, before the endpoint.</summary>
    public RequestDelegate Scrub(RequestDelegate next) => context =>
    {
        foreach (var name in _names)
        {
            context.Request.Headers.Remove(name);
        }

        return next(context);
    };
}
