using System.Text.Json;

namespace Bridge.Host.Operations;

/// <summary>
/// A body or query value an endpoint cannot bind (malformed JSON, a number where a list belongs, a time that does not
/// parse) is a 400 with a problem that says what was wrong and where (<c>$.orders[0]</c>, line and byte), not the empty
/// 400 minimal APIs answer by default.
/// </summary>
public static class BadRequestProblems
{
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

    public static WebApplication UseBadRequestProblems(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = e.StatusCode;
                await context.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    title = "bad request",
                    status = e.StatusCode,
                    detail = Describe(e),
                }, (JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
            }
        });
        return app;
    }

    /// <summary>"Failed to read parameter … as JSON." and, when the JSON reader said where, its reason and path.</summary>
    private static string Describe(BadHttpRequestException e) =>
        e.InnerException is JsonException json ? $"{e.Message} {json.Message}" : e.Message;
}
