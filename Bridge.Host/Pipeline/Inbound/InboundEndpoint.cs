using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Http;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Pipeline.Inbound;

/// <summary>
/// <c>POST /api/inbound/{system}/{messageType}</c>: the system authenticated (policy SystemInbound: its own key,
/// a type it may send; see Composition/BridgeApi), then the shared inbound path
/// (<see cref="EnvelopeIngestor"/>). A payload that cannot be mapped is answered with a 4xx naming what was wrong
/// and kept in the dead-letter store with its raw bytes.
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
        EnvelopeIngestor ingestor,
        IOptionsMonitor<HttpAdapterOptions> httpOptions,
        CancellationToken ct)
    {
        if (systems.Find(system) is not { } known)
        {
            return Problem(404, "unknown system", $"system '{EchoedId.Of(system)}' is not configured in systems.yaml");
        }

        if (known.Inbound.Adapter != AdapterBinding.Http)
        {
            return Problem(404, "not received over HTTP", $"system '{system}' is received by adapter '{known.Inbound.Key}' (systems.yaml), not over HTTP");
        }

        InboundEnvelope envelope;
        try
        {
            envelope = await HttpInboundReader.ReadAsync(request, system, messageType, httpOptions.Get(known.Inbound.Instance).MaxBodyBytes, ct);
        }
        catch (HttpAdapterException ex) when (ex.StatusCode == 413)
        {
            return Problem(413, "payload too large", $"{ex.Message} (Bridge:Adapters:Http:{known.Inbound.Instance}:MaxBodyBytes); send the document in parts");
        }
        catch (HttpAdapterException ex)
        {
            return Problem(ex.StatusCode ?? 400, "payload not accepted", ex.Message);
        }

        var result = await ingestor.IngestAsync(envelope, ct);
        return result.Outcome switch
        {
            IngestOutcome.Accepted => Results.Accepted(value: new { mapping = result.Mapping, messages = result.Messages, warnings = result.Warnings.Select(w => w.ToString()) }),
            IngestOutcome.NoMapping => Results.Problem(statusCode: 404, title: "no mapping", detail: result.Errors[0],
                extensions: new Dictionary<string, object?> { ["deadLetterId"] = result.DeadLetterId }),
            _ => Results.Problem(
                statusCode: 422,
                title: "payload could not be mapped",
                detail: string.Join("; ", result.Errors),
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors, ["deadLetterId"] = result.DeadLetterId, ["mapping"] = result.Mapping }),
        };
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
