using Bridge.Host.DeadLetters;
using Bridge.Host.Stock;

namespace Bridge.Host.Api;

/// <summary>What an operator looks at: the stock view and the dead letters.</summary>
public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stock", async (string? material, IStockView stock, CancellationToken ct) =>
            Results.Ok(await stock.ListAsync(material, ct)));

        routes.MapGet("/api/dead-letters", async (int? limit, IDeadLetterStore store, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(Math.Clamp(limit ?? 50, 1, 1000), ct)).Select(Summary)));

        routes.MapGet("/api/dead-letters/{id:guid}", async (Guid id, IDeadLetterStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } letter
                ? Results.Ok(Summary(letter) with { Body = System.Text.Encoding.UTF8.GetString(letter.Body) })
                : Results.Problem(statusCode: 404, title: "unknown dead letter", detail: $"no dead letter {id}"));
        return routes;
    }

    private static DeadLetterView Summary(DeadLetter l) =>
        new(l.Id, l.ReceivedAt, l.System, l.MessageType, l.Mapping, l.ContentType, l.Body.Length, l.Reason, null);

    private sealed record DeadLetterView(
        Guid Id, DateTimeOffset ReceivedAt, string System, string MessageType, string? Mapping,
        string ContentType, int Bytes, string Reason, string? Body);
}
