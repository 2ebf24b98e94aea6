using System.Text.Json;
using System.Text.Json.Nodes;
using System.Net.Http.Headers;
using Bridge.Host.Operations.Auth;

namespace Bridge.Host.Cli.Operations;

/// <summary>
/// An HTTP client for verbs that ask a running host as an operator: the key given, else <c>BRIDGE_KEY</c>, else the
/// local administrator key file the host created at first start.
/// </summary>
internal static class OperatorApiClient
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static HttpClient Create(string url, string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        if ((key ?? Environment.GetEnvironmentVariable("BRIDGE_KEY") ?? ReadLocalKey()) is { } found)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", found);
        }

        return http;
    }

    /// <summary>The <c>detail</c> of a problem answer, or the answer itself when it is not one.</summary>
    public static string ProblemDetail(string answer)
    {
        try
        {
            return JsonNode.Parse(answer)?["detail"]?.ToString() ?? answer;
        }
        catch (JsonException)
        {
            return answer;
        }
    }

    private static string? ReadLocalKey()
    {
        var path = LocalAdministratorKey.DefaultPath();
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
