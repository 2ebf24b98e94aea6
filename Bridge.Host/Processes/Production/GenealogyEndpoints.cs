using Bridge.Host.Domain.Genealogy;
using Bridge.Host.Infrastructure.Http;

namespace Bridge.Host.Processes.Production;

/// <summary>
/// <c>GET /api/genealogy/lots/{lot}</c> (the orders that made the lot, and every order, product and lot it went into)
/// and <c>GET /api/genealogy/orders/{orderId}</c> (what the order made, and which lots went in, from which warehouse
/// and supplier lot).
/// </summary>
public static class GenealogyEndpoints
{
    /// <summary>Longer ids are no lot or order number any system issues; they are refused before any lookup.</summary>
    public const int MaxIdLength = 200;

    public static IEndpointRouteBuilder MapGenealogyEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/genealogy/lots/{lot}", async (HttpContext http, GenealogyTrace trace, CancellationToken ct) =>
        {
            var lot = PathParameter.Read(http, "lot");
            return Refused(lot, "lot") is { } refused ? refused
                : await trace.ForLotAsync(lot, ct) is { } found ? Results.Ok(found)
                : Results.Problem(statusCode: 404, title: "unknown lot", detail: "no production report consumed or produced this lot");
        });
        routes.MapGet("/api/genealogy/orders/{orderId}", async (HttpContext http, GenealogyTrace trace, CancellationToken ct) =>
        {
            var orderId = PathParameter.Read(http, "orderId");
            return Refused(orderId, "order id") is { } refused ? refused
                : await trace.ForOrderAsync(orderId, ct) is { } found ? Results.Ok(found)
                : Results.Problem(statusCode: 404, title: "unknown order", detail: "no production report was received for this order");
        });
        return routes;
    }

    /// <summary>
    /// An id too long or with control characters is refused with 400; the rest is looked up as it is and simply not found.
    /// </summary>
    private static IResult? Refused(string id, string what)
    {
        if (id.Length is 0 or > MaxIdLength)
        {
            return Results.Problem(statusCode: 400, title: $"bad {what}", detail: $"a {what} has 1 to {MaxIdLength} characters, this one {id.Length}");
        }

        return id.Any(char.IsControl)
            ? Results.Problem(statusCode: 400, title: $"bad {what}", detail: $"a {what} has no control characters")
            : null;
    }
}
