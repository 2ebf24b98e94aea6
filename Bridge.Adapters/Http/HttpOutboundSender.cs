using System.Net;
using System.Net.Http.Headers;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Http.Requests;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bridge.Adapters.Http;

/// <summary>
/// Sends outbound calls with in-process retries (Polly): 5xx, 408, 429 and network errors are retried with backoff.
/// HTTPS certificates are verified against the machine's roots, or the system's <c>caFile</c> (<see cref="HttpTrust"/>).
/// </summary>
public sealed class HttpOutboundSender : IEnvelopeSender, IDisposable
{
    private readonly HttpClient _client;
    private readonly HttpTrustClients _trusted = new();
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _logger;
    private readonly int _retryCount;

    public HttpOutboundSender(HttpClient client, HttpAdapterOptions options, ILogger logger, TimeProvider time)
    {
        _client = client;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(options.RetryCount, 1),
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsTransient),
                OnRetry = args =>
                {
                    Log.Retrying(_logger, args.AttemptNumber + 1, args.Outcome.Result?.StatusCode, args.Outcome.Exception?.Message, args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
        _retryCount = options.RetryCount;
    }

    /// <summary>
    /// POSTs (or the mapping's <c>method</c>) the envelope to the system's <c>baseUrl</c> joined with the envelope's
    /// address; the idempotency key travels as <c>Idempotency-Key</c>. An envelope that cannot be sent safely is
    /// refused with a permanent <see cref="HttpAdapterException"/> before anything goes on the wire: an address that
    /// would leave the base URL's path, a header with control characters, a malformed method or content type
    /// (see <see cref="AddressPath"/> and <see cref="HeaderValues"/>).
    /// </summary>
    public Task SendAsync(OutboundEnvelope envelope, CancellationToken ct)
    {
        if (!envelope.Endpoint.TryGetValue("baseUrl", out var baseUrl) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri))
        {
            throw new HttpAdapterException($"system '{envelope.System}' has no absolute baseUrl to send to");
        }

        HttpOutboundCall call;
        HttpClient client;
        try
        {
            call = Compose(envelope, baseUri);
            var trust = HttpTrust.From(envelope.Endpoint, envelope.System);
            client = trust == HttpTrust.Default ? _client : _trusted.For(trust);
        }
        catch (HttpAdapterException ex)
        {
            Log.Refused(_logger, envelope.System, ex.Message);
            throw;
        }

        return SendAsync(call, client, ct);
    }

    public void Dispose() => _trusted.Dispose();

    private static HttpOutboundCall Compose(OutboundEnvelope envelope, Uri baseUri)
    {
        var at = $"system '{envelope.System}'";
        var method = envelope.Properties.TryGetValue("method", out var m) && m.Length > 0 ? m : "POST";
        if (HeaderValues.NameProblem(method) is not null)
        {
            throw HttpAdapterException.Refused($"{at}: method '{HeaderValues.Printable(method)}' is not an HTTP method token");
        }

        var url = AddressPath.Join(baseUri, envelope.Address, out var problem)
            ?? throw HttpAdapterException.Refused($"{at}: {problem}");
        if (!MediaTypeHeaderValue.TryParse(envelope.ContentType, out _) || HeaderValues.ValueProblem("Content-Type", envelope.ContentType) is not null)
        {
            throw HttpAdapterException.Refused($"{at}: content type '{HeaderValues.Printable(envelope.ContentType)}' is not a media type");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in envelope.Headers.Append(new("Idempotency-Key", envelope.IdempotencyKey)))
        {
            if ((HeaderValues.NameProblem(name) ?? HeaderValues.ValueProblem(name, value)) is { } refused)
            {
                throw HttpAdapterException.Refused($"{at}: {refused}");
            }
            headers[name] = HeaderValues.Encode(value);
        }
        return new HttpOutboundCall(method, url, headers, envelope.ContentType, envelope.Body);
    }

    private async Task SendAsync(HttpOutboundCall call, HttpClient client, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = _retryCount == 0
                ? await client.SendAsync(Build(call), ct)
                : await _pipeline.ExecuteAsync(async token => await client.SendAsync(Build(call), token), ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new HttpAdapterException($"{call.Method} {call.Url} failed: {ex.Message}", inner: ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                throw new HttpAdapterException(
                    $"{call.Method} {call.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(body)}",
                    (int)response.StatusCode);
            }

            Log.Sent(_logger, call.Method, call.Url, (int)response.StatusCode);
        }
    }

    private static bool IsTransient(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private static HttpRequestMessage Build(HttpOutboundCall call)
    {
        var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url)
        {
            Content = new ReadOnlyMemoryContent(call.Body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(call.ContentType);
        foreach (var (name, value) in call.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
