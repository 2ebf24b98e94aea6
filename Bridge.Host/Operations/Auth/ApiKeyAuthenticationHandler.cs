using System.Text.Encodings.Web;
using Bridge.Host.Infrastructure.Logging;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Operations.Auth;

/// <summary>
/// Keys presented in <c>X-Api-Key</c> or <c>Authorization: Bearer|ApiKey &lt;key&gt;</c>. No key: no result (another
/// scheme may know the caller); an unknown key: failure (401, the same answer for every system, known or not).
/// A browser asking for a page is sent to the sign-in page instead of a bare 401.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CallerDirectory callers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BridgeKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (callers.Find(key) is { } caller)
        {
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName)));
        }

        Log.AuthenticationFailed(Logger, LogText.Escape(Request.Path.Value ?? ""), Context.Connection.RemoteIpAddress?.ToString(), "unknown key");
        return Task.FromResult(AuthenticateResult.Fail("unknown key"));
    }

    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"].FirstOrDefault() is { Length: > 0 } key)
        {
            return key;
        }

        var authorization = request.Headers.Authorization.FirstOrDefault();
        foreach (var prefix in (string[])["Bearer ", "ApiKey "])
        {
            if (authorization is not null && authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > prefix.Length)
            {
                return authorization[prefix.Length..].Trim();
            }
        }

        return null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (WantsPage(Request))
        {
            Response.Redirect("/signin");
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey, Bearer";
        await Results.Problem(statusCode: 401, title: "unauthorized",
            detail: "present a valid key in X-Api-Key or Authorization: Bearer, or sign in at /signin").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "forbidden", detail: "this caller may not do this").ExecuteAsync(Context);
    }

    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
