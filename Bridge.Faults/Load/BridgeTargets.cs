using System.Net;
using System.Text;
using Bridge.Faults.Harness;

namespace Bridge.Faults.Load;

/// <summary>
/// Posts a system's payload to whichever of the scenario's hosts is running and takes it, as a system with a retry
/// policy would: a refused connection, a 5xx or a timeout is tried again (next host, growing pause) until Bridge
/// answers 2xx or <paramref name="deadline"/> passes. A 4xx is final.
/// </summary>
public sealed class BridgeTargets(IReadOnlyList<BridgeHostProcess> hosts) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private int _next;
    private long _retries;

    /// <summary>Attempts that were not taken (host down, 5xx, timeout) and were retried.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public async Task<HttpStatusCode?> PostAsync(string system, string messageType, string body, DateTimeOffset deadline, CancellationToken ct,
        string contentType = "application/json")
    {
        for (var attempt = 0; ; attempt++)
        {
            var running = hosts.Where(h => h.IsRunning).ToList();
            if (running.Count > 0)
            {
                var host = running[(int)((uint)Interlocked.Increment(ref _next) % running.Count)];
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseUrl, $"/api/inbound/{system}/{messageType}"))
                {
                    Content = new StringContent(body, Encoding.UTF8, contentType),
                };
                request.Headers.Add("X-Api-Key", FaultKeys.Systems[system]);
                try
                {
                    using var response = await _http.SendAsync(request, ct);
                    if ((int)response.StatusCode < 500)
                    {
                        return response.StatusCode;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                }
            }

            if (TimeProvider.System.GetUtcNow() >= deadline)
            {
                return null;
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (attempt + 1))), ct);
        }
    }

    public void Dispose() => _http.Dispose();
}
