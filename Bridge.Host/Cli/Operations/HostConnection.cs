using System.CommandLine;

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
        var http = OperatorApiClient.Create(parse.GetValue(Url)!, parse.GetValue(Key));
        http.Timeout = TimeSpan.FromSeconds(60);
        return http;
    }
}
