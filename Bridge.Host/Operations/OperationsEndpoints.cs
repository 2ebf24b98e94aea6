using Bridge.Host.Operations.Auth;
using Bridge.Host.Operations.StatusPage;
using Hangfire;
using Hangfire.Dashboard;

namespace Bridge.Host.Operations;

/// <summary>
/// What operators open in a browser or scrape: the status page at <c>/</c>, the OpenAPI document at
/// <c>/openapi/v1.json</c>, Prometheus metrics at <c>/metrics</c> and the Hangfire dashboard at <c>/hangfire</c> (read-only for operators) — all signed in.
/// </summary>
public static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => StaticAssets.Html("index.html")).RequireAuthorization(BridgePolicies.Operator).ExcludeFromDescription();
        routes.MapGet("/status/{file:regex(^[a-z-]+\\.(js|css)$)}", (string file) =>
                StaticAssets.File(file, file.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8"))
            .RequireAuthorization(BridgePolicies.Operator).ExcludeFromDescription();
        routes.MapOpenApi().RequireAuthorization(BridgePolicies.Operator);
        routes.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(BridgePolicies.Operator);
        routes.MapHangfireDashboardWithAuthorizationPolicy(BridgePolicies.Operator, "/hangfire", new DashboardOptions
        {
            // The policy decides who sees it; Hangfire's own default filter would allow local requests only.
            Authorization = [],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(BridgeRoles.Administrator),
            DisplayStorageConnectionString = false,
        });
        return routes;
    }
}
