using Bridge.Adapters.Http;
using Bridge.Host.Configuration;
using Bridge.Host.DeadLetters;
using Bridge.Host.Messaging;
using Bridge.Mappings;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Inbound;

/// <summary>
/// <c>POST /api/inbound/{system}/{messageType}</c>: authenticate the system, map its payload to canonical
/// messages, hand them to the bus through the inbound outbox. A payload that cannot be mapped is kept in the
/// dead-letter store with its raw bytes and the reason, and answered with a 4xx naming what was wrong.
/// </summary>
public static class InboundEndpoint
{
    public static IEndpointRouteBuilder MapInboundEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/inbound/{system}/{messageType}", HandleAsync);
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        string system,
        string messageType,
        HttpRequest request,
        SystemsRegistry systems,
        MappingSetWatcher mappings,
        IInboundPublisher publisher,
        IDeadLetterStore deadLetters,
        IOptionsMonitor<HttpAdapterOptions> httpOptions,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var logger = loggers.CreateLogger("Bridge.Inbound");
        if (systems.Find(system) is null)
        {
            return Problem(404, "unknown system", $"system '{system}' is not configured in systems.yaml");
        }

        if (!systems.IsAuthorized(system, request.Headers["X-Api-Key"].FirstOrDefault()))
        {
            Log.Unauthorized(logger, system, request.HttpContext.Connection.RemoteIpAddress?.ToString());
            return Problem(401, "unauthorized", $"missing or wrong X-Api-Key for system '{system}'");
        }

        Bridge.Adapters.Envelopes.RawEnvelope envelope;
        try
        {
            envelope = await HttpInboundReader.ReadAsync(request, system, messageType, httpOptions.Get("default").MaxBodyBytes, ct);
        }
        catch (HttpAdapterException ex)
        {
            return Problem(ex.StatusCode ?? 400, "payload not accepted", ex.Message);
        }

        var mapping = mappings.Current.FindInbound(system, messageType);
        if (mapping is null)
        {
            var reason = $"no inbound mapping for system '{system}' and message type '{messageType}'";
            await KeepAsync(deadLetters, envelope, null, reason, time, logger, ct);
            return Problem(404, "no mapping", reason);
        }

        var result = mapping.Map(envelope.Body, envelope.ContentType, envelope.Metadata);
        if (result.Errors.Count > 0)
        {
            var reasons = result.Errors.Select(Describe).ToList();
            var id = await KeepAsync(deadLetters, envelope, mapping.Name, string.Join(Environment.NewLine, reasons), time, logger, ct);
            return Results.Problem(
                statusCode: 422,
                title: "payload could not be mapped",
                detail: string.Join("; ", reasons),
                extensions: new Dictionary<string, object?> { ["errors"] = reasons, ["deadLetterId"] = id, ["mapping"] = mapping.Name });
        }

        var accepted = new List<object>();
        foreach (var mapped in result.Messages)
        {
            var outcome = await publisher.PublishAsync(mapped.Message, ct);
            accepted.Add(new
            {
                type = mapped.Message.GetType().Name,
                messageId = mapped.Message.MessageId,
                correlationId = mapped.Message.CorrelationId,
                duplicate = outcome.IsDuplicate,
            });
            Log.Accepted(logger, system, messageType, mapped.Message.GetType().Name, mapped.Message.MessageId, outcome.IsDuplicate);
        }

        return Results.Accepted(value: new { messages = accepted });
    }

    private static async Task<Guid> KeepAsync(
        IDeadLetterStore store, Bridge.Adapters.Envelopes.RawEnvelope envelope, string? mapping, string reason,
        TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var letter = new DeadLetter(Guid.NewGuid(), time.GetUtcNow(), envelope.System, envelope.MessageType, mapping,
            envelope.ContentType, envelope.Body.ToArray(), reason);
        await store.AddAsync(letter, ct);
        Log.DeadLettered(logger, envelope.System, envelope.MessageType, letter.Id, reason);
        return letter.Id;
    }

    private static string Describe(RuntimeMappingError error) =>
        $"{error.Mapping}: field '{error.Field}'"
        + (error.SourcePath is null ? "" : $" from '{error.SourcePath}'")
        + (error.Value is null ? "" : $" (value '{error.Value}')")
        + $": {error.Message}";

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
