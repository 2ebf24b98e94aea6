using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Operations.Auth;
using Bridge.Host.Pipeline.Inbound;

namespace Bridge.Host.Operations;

/// <summary>
/// The dead letters: list (<c>?all=true</c> includes replayed ones), one with its body, and replay — the kept payload
/// goes through today's mappings again (after the mapping was fixed); accepted, it is marked replayed.
/// </summary>
public static class DeadLetterEndpoints
{
    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/dead-letters", async (int? limit, bool? all, IDeadLetterStore store, CredentialHeaders credentials, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(Math.Clamp(limit ?? 50, 1, 1000), all ?? false, ct)).Select(l => View(l, withBody: false, credentials))))
            .RequireAuthorization(BridgePolicies.Operator);

        routes.MapGet("/api/dead-letters/{id:guid}", async (Guid id, IDeadLetterStore store, CredentialHeaders credentials, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } letter
                ? Results.Ok(View(letter, withBody: true, credentials))
                : Results.Problem(statusCode: 404, title: "unknown dead letter", detail: $"no dead letter {id}"))
            .RequireAuthorization(BridgePolicies.Operator);

        routes.MapPost("/api/dead-letters/{id:guid}/replay", async (Guid id, IDeadLetterStore store, EnvelopeIngestor ingestor, TimeProvider time, CancellationToken ct) =>
        {
            if (await store.FindAsync(id, ct) is not { } letter)
            {
                return Results.Problem(statusCode: 404, title: "unknown dead letter", detail: $"no dead letter {id}");
            }

            if (letter.ReplayedAt is { } at)
            {
                return Results.Problem(statusCode: 409, title: "already replayed", detail: $"dead letter {id} was replayed at {at:O}");
            }

            var envelope = new InboundEnvelope("replay", letter.System, letter.MessageType, letter.ContentType, letter.Body, letter.Metadata);
            var result = await ingestor.IngestAsync(envelope, ct, keepFailures: false);
            if (result.Outcome != IngestOutcome.Accepted)
            {
                return Results.Problem(statusCode: 422, title: "still not accepted", detail: string.Join("; ", result.Errors),
                    extensions: new Dictionary<string, object?> { ["errors"] = result.Errors, ["mapping"] = result.Mapping });
            }

            await store.MarkReplayedAsync(id, time.GetUtcNow(), ct);
            return Results.Ok(new { id, mapping = result.Mapping, messages = result.Messages });
        }).RequireAuthorization(BridgePolicies.Administrator);
        return routes;
    }

    // Letters kept before credential headers were removed at the door still hold them: never shown.
    private static object View(DeadLetter l, bool withBody, CredentialHeaders credentials) => new
    {
        l.Id,
        l.ReceivedAt,
        l.System,
        l.MessageType,
        l.Mapping,
        l.ContentType,
        Bytes = l.Body.Length,
        l.Reason,
        Metadata = l.Metadata.Where(m => !credentials.IsCredentialMetadata(m.Key)).ToDictionary(m => m.Key, m => m.Value),
        l.ReplayedAt,
        Body = withBody ? Encoding.UTF8.GetString(l.Body) : null,
    };
}
