using Bridge.Host.Pipeline.Outbound;
using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Operations.Auth;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Mappings;

namespace Bridge.Host.Operations;

/// <summary>
/// The dead letters: list (<c>?all=true</c> includes replayed ones; filters <c>system</c>, <c>mapping</c>, <c>reason</c>,
/// <c>since</c>, <c>until</c>), one with its body (<c>?body=hex</c> for bytes that are not text), and replay of one or of
/// every letter a filter matches — the kept payload goes through today's mappings again (after the mapping was fixed);
/// accepted, it is marked replayed, so replaying again is a no-op. Discard (<c>?reason=</c> required) gives one up
/// for good; who and why go to the audit trail. <c>source</c> names the mapping file and line to fix; <c>preview</c>
/// shows what the mapping in force now would make of it (<see cref="DeadLetterPreview"/>) before anyone replays.
/// </summary>
public static class DeadLetterEndpoints
{
    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/dead-letters", async (int? limit, bool? all, string? system, string? mapping, string? reason, DateTimeOffset? since, DateTimeOffset? until,
                IDeadLetterStore store, CredentialHeaders credentials, MappingSetWatcher mappings, CancellationToken ct) =>
            {
                var filter = new DeadLetterFilter(system, mapping, reason, since, until);
                var letters = await store.ListAsync(DeadLetterFilter.Window, all ?? false, ct);
                return Results.Ok(letters.Where(filter.Matches).Take(Math.Clamp(limit ?? 50, 1, DeadLetterFilter.Window))
                    .Select(l => View(l, null, credentials, mappings.Current)));
            })
            .RequireAuthorization(BridgePolicies.Operator);

        routes.MapGet("/api/dead-letters/{id:guid}", async (Guid id, string? body, IDeadLetterStore store, CredentialHeaders credentials, MappingSetWatcher mappings,
                CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } letter
                ? Results.Ok(View(letter, body == "hex" ? "hex" : "text", credentials, mappings.Current))
                : Results.Problem(statusCode: 404, title: "unknown dead letter", detail: $"no dead letter {id}"))
            .RequireAuthorization(BridgePolicies.Operator);

        routes.MapGet("/api/dead-letters/{id:guid}/preview", async (Guid id, IDeadLetterStore store, DeadLetterPreview preview, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } letter
                ? Results.Ok(preview.Take(letter))
                : Results.Problem(statusCode: 404, title: "unknown dead letter", detail: $"no dead letter {id}"))
            .RequireAuthorization(BridgePolicies.Operator);

        routes.MapPost("/api/dead-letters/replay", async (string? system, string? mapping, string? reason, DateTimeOffset? since, DateTimeOffset? until,
            IDeadLetterStore store, EnvelopeIngestor ingestor, OutboundDeadLetterReplay outbound, TimeProvider time, CancellationToken ct) =>
        {
            // Idempotent: letters already replayed are not listed, so a second call replays nothing twice.
            var filter = new DeadLetterFilter(system, mapping, reason, since, until);
            var replayed = new List<Guid>();
            var failing = new List<object>();
            foreach (var letter in (await store.ListAsync(DeadLetterFilter.Window, false, ct)).Where(filter.Matches).OrderBy(l => l.ReceivedAt))
            {
                var result = await ReplayAsync(letter, store, ingestor, outbound, time, ct);
                if (result.Outcome == IngestOutcome.Accepted)
                {
                    replayed.Add(letter.Id);
                }
                else
                {
                    failing.Add(new { id = letter.Id, errors = result.Errors });
                }
            }

            return Results.Ok(new { replayed, stillFailing = failing });
        }).RequireAuthorization(BridgePolicies.Administrator);

        routes.MapPost("/api/dead-letters/{id:guid}/replay", async (Guid id, IDeadLetterStore store, EnvelopeIngestor ingestor, OutboundDeadLetterReplay outbound,
            TimeProvider time, CancellationToken ct) =>
        {
            if (await store.FindAsync(id, ct) is not { } letter)
            {
                return Results.Problem(statusCode: 404, title: "unknown dead letter", detail: $"no dead letter {id}");
            }

            if (letter.ReplayedAt is { } at)
            {
                return Results.Problem(statusCode: 409, title: "already replayed", detail: $"dead letter {id} was replayed at {at:O}");
            }

            if (letter.DiscardedAt is { } gaveUp)
            {
                return Results.Problem(statusCode: 409, title: "discarded", detail: $"dead letter {id} was discarded at {gaveUp:O}: {letter.DiscardReason}");
            }

            var result = await ReplayAsync(letter, store, ingestor, outbound, time, ct);
            if (result.Outcome != IngestOutcome.Accepted)
            {
                return Results.Problem(statusCode: 422, title: "still not accepted", detail: string.Join("; ", result.Errors),
                    extensions: new Dictionary<string, object?> { ["errors"] = result.Errors, ["mapping"] = result.Mapping });
            }

            return Results.Ok(new { id, mapping = result.Mapping, messages = result.Messages });
        }).RequireAuthorization(BridgePolicies.Administrator);

        routes.MapPost("/api/dead-letters/{id:guid}/discard", async (Guid id, string? reason, HttpContext http, IDeadLetterStore store, IAuditTrail audit,
            TimeProvider time, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return Results.Problem(statusCode: 400, title: "reason required", detail: "discarding a dead letter needs ?reason= (kept for the audit)");
            }

            if (await store.FindAsync(id, ct) is not { } letter)
            {
                return Results.Problem(statusCode: 404, title: "unknown dead letter", detail: $"no dead letter {id}");
            }

            var now = time.GetUtcNow();
            if (!await store.DiscardAsync(id, now, reason.Trim(), ct))
            {
                return Results.Problem(statusCode: 409, title: "already resolved", detail: $"dead letter {id} was already replayed or discarded");
            }

            var who = http.User.Identity?.Name ?? "unknown";
            await audit.AppendAsync(new AuditEntry(now, "discard", letter.System, "operations", letter.MessageType, id.ToString(), null,
                letter.Body.Length, "discarded", $"{who}: {reason.Trim()}", 0), ct);
            return Results.Ok(new { id, discardedAt = now, reason = reason.Trim(), by = who });
        }).RequireAuthorization(BridgePolicies.Administrator);
        return routes;
    }

    /// <summary>An inbound letter goes through its mapping again; an outbound one (a system that never took a message) is sent again to that system only.</summary>
    private static async Task<IngestResult> ReplayAsync(DeadLetter letter, IDeadLetterStore store, EnvelopeIngestor ingestor, OutboundDeadLetterReplay outbound,
        TimeProvider time, CancellationToken ct)
    {
        if (OutboundDeadLetterReplay.IsOutbound(letter))
        {
            return await outbound.ReplayAsync(letter, ct) is { } failure
                ? new IngestResult(IngestOutcome.MappingFailed, null, [], [$"still not delivered to '{letter.System}': {failure}"], letter.Id)
                : new IngestResult(IngestOutcome.Accepted, null, [], [], null);
        }

        var envelope = new InboundEnvelope("replay", letter.System, letter.MessageType, letter.ContentType, letter.Body, letter.Metadata);
        var result = await ingestor.IngestAsync(envelope, ct, keepFailures: false);
        if (result.Outcome == IngestOutcome.Accepted)
        {
            await store.MarkReplayedAsync(letter.Id, time.GetUtcNow(), ct);
        }

        return result;
    }

    // Letters kept before credential headers were removed at the door still hold them: never shown.
    private static object View(DeadLetter l, string? body, CredentialHeaders credentials, MappingSet mappings) => new
    {
        l.Id,
        l.ReceivedAt,
        l.System,
        l.MessageType,
        l.Mapping,
        l.ContentType,
        Bytes = l.Body.Length,
        l.Reason,
        Source = DeadLetterSource.Locate(l, mappings),
        Metadata = l.Metadata.Where(m => !credentials.IsCredentialMetadata(m.Key)).ToDictionary(m => m.Key, m => m.Value),
        l.ReplayedAt,
        l.DiscardedAt,
        l.DiscardReason,
        BodyEncoding = body,
        Body = body switch
        {
            "hex" => Convert.ToHexString(l.Body),
            "text" => Encoding.UTF8.GetString(l.Body),
            _ => null,
        },
    };
}
