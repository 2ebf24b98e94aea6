using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Bridge.Host.Operations;

/// <summary><c>/health/ready</c> (bus, storage, jobs: the checks tagged "ready") and <c>/health/live</c> (the process answers).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        return routes;
    }
}
