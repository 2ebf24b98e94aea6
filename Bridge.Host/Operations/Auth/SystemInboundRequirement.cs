using Bridge.Host.Infrastructure.Configuration;
using Microsoft.AspNetCore.Authorization;

namespace Bridge.Host.Operations.Auth;

/// <summary>
/// A system posts only to its own endpoint (the <c>{system}</c> route value) and only message types its
/// <c>accepts:</c> list names. Any other system id — configured or not — is refused the same way.
/// </summary>
public sealed class SystemInboundRequirement : IAuthorizationRequirement;

public sealed class SystemInboundHandler(SystemsRegistry systems) : AuthorizationHandler<SystemInboundRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SystemInboundRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var route = http?.GetRouteValue("system") as string;
        var type = http?.GetRouteValue("messageType") as string;
        var caller = context.User.FindFirst(BridgeRoles.SystemClaim)?.Value;
        if (route is not null && caller is not null && string.Equals(route, caller, StringComparison.Ordinal)
            && systems.Find(caller) is { } system
            && (system.Accepts is null || (type is not null && system.Accepts.Contains(type))))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
