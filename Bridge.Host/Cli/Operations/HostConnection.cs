using System.CommandLine;
using System.Net.Http.Headers;
using Bridge.Host.Operations.Auth;

namespace Bridge.Host.Cli.Operations;

/// <summary>
/// The options every verb that talks to a running host shares (<c>--url</c>, <c>--key</c>, <c>--json</c>) and the
/// client they make: the key defaults to <c>BRIDGE_KEY</c>, then the local administrator key file.
/// </summary>
internal sealed class HostConnection
{
    public Option<string> Url { get; } = new("--url") { Description = "The host (default http://127.0.0.1:5080)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };

    public Option<string?> Key { get; } = new("--key") { Description = "An operator's or administrator's key (default: BRIDGE_KEY, then the local administrator key file)" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the host's JSON answer" };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Key);
        command.Options.Add(Json);
    }

    public HttpClient Client(ParseResult parse)
    {
        var key = parse.GetValue(Key) ?? Environment.GetEnvironmentVariable("BRIDGE_KEY") ?? ReadLocalKey();
        var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(Url)!), Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    private static string? ReadLocalKey()
    {
        var path = LocalAdministratorKey.DefaultPath();
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
