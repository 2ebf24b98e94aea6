using System.Security.Claims;
using System.Text;
using Bridge.Host.Operations.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Bridge.Host.Composition;

/// <summary>
/// Who may do what (<see cref="BridgeRoles"/>, <see cref="BridgePolicies"/>). One default scheme picks how the caller
/// presented itself: a key (<c>X-Api-Key</c> or <c>Authorization</c>), an identity provider's token, or the status
/// page's session cookie. Every endpoint without a policy of its own needs an operator (the fallback policy).
/// </summary>
public static class BridgeAuthComposition
{
    private const string DefaultScheme = "Bridge";
    private const string JwtScheme = "BridgeJwt";

    public static IServiceCollection AddBridgeAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BridgeAuthOptions>().BindConfiguration(BridgeAuthOptions.Section);
        var options = configuration.GetSection(BridgeAuthOptions.Section).Get<BridgeAuthOptions>() ?? new BridgeAuthOptions();
        var administrators = options.Administrators.Values.Any(v => !string.IsNullOrEmpty(v));
        services.AddSingleton(administrators || options.Jwt.Enabled
            ? LocalAdministratorKey.None
            : LocalAdministratorKey.OpenOrCreate(options.AdministratorKeyFile ?? LocalAdministratorKey.DefaultPath()));
        services.AddSingleton<CallerDirectory>();
        services.AddSingleton<CredentialHeaders>();
        services.AddSingleton<IAuthorizationHandler, SystemInboundHandler>();
        services.AddHostedService<SignInBanner>();

        var authentication = services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "key, token or session", o =>
            {
                o.ForwardDefaultSelector = context => SelectScheme(context.Request, options.Jwt.Enabled);
                o.ForwardChallenge = ApiKeyAuthenticationHandler.SchemeName;
                o.ForwardForbid = ApiKeyAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(SignInEndpoints.CookieScheme, o =>
            {
                o.Cookie.Name = "bridge.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = true;
            });
        if (options.Jwt.Enabled)
        {
            authentication.AddJwtBearer(JwtScheme, o => ConfigureJwt(o, options.Jwt));
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(BridgePolicies.Operator, p => p.RequireRole(BridgeRoles.Operator))
            .AddPolicy(BridgePolicies.Administrator, p => p.RequireRole(BridgeRoles.Administrator))
            .AddPolicy(BridgePolicies.SystemInbound, p => p.RequireRole(BridgeRoles.System).AddRequirements(new SystemInboundRequirement()))
            .AddPolicy(BridgePolicies.DeviceWrite, p => p.RequireRole(BridgeRoles.System, BridgeRoles.Administrator))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(BridgeRoles.Operator).Build());
        return services;
    }

    /// <summary>Authentication, authorization, then the credential headers are removed before any endpoint runs.</summary>
    public static WebApplication UseBridgeAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(app.Services.GetRequiredService<CredentialHeaders>().Scrub);
        return app;
    }

    private static string SelectScheme(HttpRequest request, bool jwt)
    {
        var authorization = request.Headers.Authorization.FirstOrDefault();
        if (jwt && !request.Headers.ContainsKey("X-Api-Key") && authorization is not null
            && authorization.StartsWith("Bearer ey", StringComparison.Ordinal) && authorization.Count(c => c == '.') == 2)
        {
            return JwtScheme;
        }

        if (authorization is null && !request.Headers.ContainsKey("X-Api-Key") && request.Cookies.ContainsKey("bridge.session"))
        {
            return SignInEndpoints.CookieScheme;
        }

        return ApiKeyAuthenticationHandler.SchemeName;
    }

    private static void ConfigureJwt(JwtBearerOptions o, BridgeJwtOptions jwt)
    {
        o.MapInboundClaims = false;
        o.Audience = jwt.Audience;
        o.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        o.TokenValidationParameters.ValidAudience = jwt.Audience;
        o.TokenValidationParameters.NameClaimType = "sub";
        if (!string.IsNullOrEmpty(jwt.Authority))
        {
            o.Authority = jwt.Authority;
        }
        else
        {
            o.TokenValidationParameters.ValidIssuer = jwt.Issuer;
            o.TokenValidationParameters.ValidateIssuer = !string.IsNullOrEmpty(jwt.Issuer);
            o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey!));
        }

        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var roles = context.Principal?.FindAll(jwt.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) ?? [];
                var granted = new List<Claim>();
                if (roles.Contains(jwt.AdministratorRole))
                {
                    granted.Add(new Claim(ClaimTypes.Role, BridgeRoles.Administrator));
                    granted.Add(new Claim(ClaimTypes.Role, BridgeRoles.Operator));
                }
                else if (roles.Contains(jwt.OperatorRole))
                {
                    granted.Add(new Claim(ClaimTypes.Role, BridgeRoles.Operator));
                }

                context.Principal?.AddIdentity(new ClaimsIdentity(granted, JwtScheme, ClaimTypes.Name, ClaimTypes.Role));
                return Task.CompletedTask;
            },
        };
    }
}
