using Bridge.Host.Operations.StatusPage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bridge.Host.Operations.Auth;

/// <summary>
/// <c>GET /signin</c> (the page, reachable without signing in), <c>POST /signin</c> (form field <c>key</c>: an
/// operator's or administrator's key; sets an HttpOnly, SameSite=Strict session cookie) and <c>POST /signout</c>.
/// The sign-in link printed at first start carries the key in the URL fragment, which browsers never send.
/// </summary>
public static class SignInEndpoints
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/signin", () => StaticAssets.Html("signin.html")).AllowAnonymous().ExcludeFromDescription();

        routes.MapPost("/signin", async (HttpContext context, CallerDirectory callers) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            var key = form?["key"].FirstOrDefault()?.Trim();
            var caller = string.IsNullOrEmpty(key) ? null : callers.Find(key);
            if (caller is null || caller.Kind == BridgeRoles.System)
            {
                // A system key opens no page; answered like a wrong key.
                return Results.Problem(statusCode: 401, title: "unauthorized", detail: "not an operator's or administrator's key");
            }

            await context.SignInAsync(CookieScheme, caller.ToPrincipal(CookieScheme));
            return Results.Ok(new { name = caller.Name, role = caller.Kind });
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        routes.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieScheme);
            return Results.NoContent();
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        routes.MapGet("/api/me", (HttpContext context) => Results.Ok(new
        {
            name = context.User.Identity?.Name,
            administrator = context.User.IsInRole(BridgeRoles.Administrator),
        })).RequireAuthorization(BridgePolicies.Operator);
        return routes;
    }
}
