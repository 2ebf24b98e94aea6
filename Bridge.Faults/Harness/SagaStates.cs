using System.Net;
using System.Text.Json.Nodes;

namespace Bridge.Faults.Harness;

/// <summary>Reads material requests' states through the API (<c>GET /api/material-requests/{id}</c>, as an administrator).</summary>
public static class SagaStates
{
    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal) { "Completed", "Rejected", "TimedOut", "Failed", "Cancelled" };

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) until every request is in a terminal state; returns each request's
    /// last state read ("missing" when Bridge does not know it).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> WaitTerminalAsync(BridgeHostProcess host, IEnumerable<string> requests,
        TimeSpan timeout, CancellationToken ct)
    {
        using var http = host.Client();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FaultKeys.Administrator);
        var states = requests.ToDictionary(r => r, _ => "unread", StringComparer.Ordinal);
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (true)
        {
            foreach (var request in states.Keys.Where(r => !Terminal.Contains(states[r])).ToList())
            {
                try
                {
                    using var response = await http.GetAsync($"/api/material-requests/{Uri.EscapeDataString(request)}", ct);
                    states[request] = response.StatusCode == HttpStatusCode.NotFound ? "missing"
                        : response.IsSuccessStatusCode ? (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))?["state"] ?? "?"
                        : states[request];
                }
                catch (HttpRequestException)
                {
                }
            }

            if (states.Values.All(Terminal.Contains) || TimeProvider.System.GetUtcNow() > deadline)
            {
                return states;
            }

            await Task.Delay(1000, ct);
        }
    }

    public static bool IsTerminal(string state) => Terminal.Contains(state);
}
