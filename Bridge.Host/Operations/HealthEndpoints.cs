using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bridge.Host.Operations;

/// <summary>
/// <c>/health/ready</c> (bus, storage, jobs, outbound systems: the checks tagged "ready") and <c>/health/live</c>
/// (the process answers). Anyone gets the overall status; a signed-in caller also gets every check with its data
/// (per-system states) — system names are not told to anonymous callers.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status.ToString());
        }

        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
