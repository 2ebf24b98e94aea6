using Bridge.Host.Cli.Operations;
using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Bridge.Host.Cli;

/// <summary>
/// <c>trace &lt;correlationId&gt; [--url URL] [--key KEY] [--json]</c>: a process's journey from a running host, in
/// order. The key defaults to <c>BRIDGE_KEY</c>, then the local administrator key file. Exit 1 when the host does not
/// know the id or refuses the key.
/// </summary>
internal static class TraceCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("correlationId") { Description = "The correlation id (a material request's id)" };
        var url = new Option<string>("--url") { Description = "The host (default http://127.0.0.1:5080)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var key = new Option<string?>("--key") { Description = "An operator's or administrator's key (default: BRIDGE_KEY, then the local administrator key file)" };
        var json = new Option<bool>("--json") { Description = "Print the host's JSON answer" };
        var command = new Command("trace", "Show one process's whole journey: inbound payloads, canonical messages, saga steps, outbound calls.") { id, url, key, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(id)!, parse.GetValue(url)!, parse.GetValue(key), parse.GetValue(json),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(string correlationId, string url, string? key, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var http = OperatorApiClient.Create(url, key);

        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync("/api/trace/" + Uri.EscapeDataString(correlationId), ct);
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"cannot reach {url}: {ex.Message}");
            return 1;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                await error.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}: {body}");
                return 1;
            }

            if (json)
            {
                await output.WriteLineAsync(body);
                return 0;
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
            var table = new Table().AddColumns("at", "kind", "system", "what", "result", "detail");
            foreach (var step in JsonDocument.Parse(body).RootElement.GetProperty("steps").EnumerateArray())
            {
                table.AddRow(Text(step, "at"), Text(step, "kind"), Text(step, "system"), Text(step, "what"), Text(step, "result"), Text(step, "detail"));
            }

            console.Write(table);
            return 0;
        }
    }

    private static string Text(JsonElement step, string name) =>
        Markup.Escape(step.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "");
}
