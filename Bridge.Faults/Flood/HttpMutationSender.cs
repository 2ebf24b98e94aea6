using System.Net;
using System.Text.Json;
using Bridge.Faults.Mutations;

namespace Bridge.Faults.Flood;

/// <summary>
/// POST /api/inbound/{system}/{messageType} with the system's key. 202 = mapped; 4xx with a reason and a dead letter id
/// = refused (413, a body over the limit, is refused before it is read: a reason but no dead letter, by design);
/// 5xx, a 4xx without either, no answer within <see cref="Hang"/> = a defect.
/// </summary>
public sealed class HttpMutationSender(Uri baseUrl, string apiKey) : IMutationSender
{
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = baseUrl, Timeout = Hang };

    public string Protocol => "http";

    public bool Answers => true;

    public async Task SendAsync(MutationSeedContext context, MutatedPayload payload, MutationTally tally, CancellationToken ct)
    {
        var seed = context.Seed;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbound/{seed.System}/{seed.MessageType}") { Content = new ByteArrayContent(payload.Body) };
        request.Headers.Add("X-Api-Key", apiKey);
        if (payload.ContentType.Length > 0) request.Content.Headers.TryAddWithoutValidation("Content-Type", payload.ContentType);
        tally.CountSent();
        try
        {
            using var response = await _http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted) tally.CountMapped();
            else if (status >= 500 || status < 400) tally.CountServerError($"{context.Describe(payload)}: {status} {body}");
            else if (Refusal(body) is var (reason, deadLetter) && !string.IsNullOrWhiteSpace(reason) && (deadLetter || status == 413)) tally.CountRefused();
            else tally.CountRefusedWithoutDeadLetter($"{context.Describe(payload)}: {status} {body}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            tally.CountHang($"{context.Describe(payload)}: no answer within {Hang.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            tally.CountTransportFailure($"{context.Describe(payload)}: {ex.Message}");
        }
    }

    private static (string? Reason, bool DeadLetter) Refusal(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            var reason = problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
            var deadLetter = problem.RootElement.TryGetProperty("deadLetterId", out var id) && id.ValueKind == JsonValueKind.String;
            return (reason, deadLetter);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
