using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Bridge.Host.Cli.Operations;

/// <summary>
/// <c>deadletters list|show|replay|discard</c> against a running host. <c>list</c> filters; <c>show</c> prints the
/// body as text, or as hex when it is not text (or with <c>--hex</c>), and the mapping file:line to fix; <c>replay</c>
/// takes one id or a filter (with a progress bar; letters already replayed are skipped, so it is idempotent);
/// <c>discard</c> needs <c>--reason</c>, which the host keeps in the audit trail. Exit 0 done, 1 refused or still
/// failing (reason printed), 2 used wrongly.
/// </summary>
internal static class DeadLettersCommand
{
    public static Command Create()
    {
        var command = new Command("deadletters", "List, show, replay or discard dead letters on a running host.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Replay());
        command.Subcommands.Add(Discard());
        return command;
    }

    private static Command List()
    {
        var host = new HostConnection();
        var filter = new DeadLetterQuery();
        var all = new Option<bool>("--all") { Description = "Include replayed and discarded letters" };
        var limit = new Option<int>("--limit") { Description = "At most this many (default 50)", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List dead letters, newest first.") { all, limit };
        host.AddTo(command);
        filter.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var query = filter.ToQuery(parse);
            query.Add($"limit={parse.GetValue(limit)}");
            if (parse.GetValue(all))
            {
                query.Add("all=true");
            }

            var io = Io.From(parse);
            using var http = host.Client(parse);
            if (await io.GetAsync(http, "/api/dead-letters?" + string.Join('&', query), ct) is not { } body)
            {
                return 1;
            }

            if (parse.GetValue(host.Json))
            {
                await io.Output.WriteLineAsync(body.ToJsonString());
                return 0;
            }

            var table = new Table().AddColumns("id", "received", "system", "type", "reason", "source", "state");
            foreach (var letter in body.AsArray())
            {
                table.AddRow(Cell(letter, "id"), Cell(letter, "receivedAt"), Cell(letter, "system"), Cell(letter, "messageType"),
                    Markup.Escape(Shorten(Text(letter, "reason"), 80)), Cell(letter, "source"), Markup.Escape(State(letter!)));
            }

            io.Console.Write(table);
            await io.Output.WriteLineAsync($"{body.AsArray().Count} dead letter(s)");
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var host = new HostConnection();
        var id = new Argument<Guid>("id") { Description = "The dead letter's id" };
        var hex = new Option<bool>("--hex") { Description = "Show the body as hex even when it is text" };
        var command = new Command("show", "Show one dead letter: reason, mapping file:line, metadata, the raw body, and what the mapping in force now would make of it.") { id, hex };
        host.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var io = Io.From(parse);
            using var http = host.Client(parse);
            var path = $"/api/dead-letters/{parse.GetValue(id)}";
            if (await io.GetAsync(http, path + "?body=" + (parse.GetValue(hex) ? "hex" : "text"), ct) is not { } letter)
            {
                return 1;
            }

            if (!parse.GetValue(hex) && !IsText(Text(letter, "body")) && await io.GetAsync(http, path + "?body=hex", ct) is { } asHex)
            {
                letter = asHex;
            }

            var preview = await io.GetAsync(http, path + "/preview", ct);
            if (parse.GetValue(host.Json))
            {
                letter["preview"] = preview?.DeepClone();
                await io.Output.WriteLineAsync(letter.ToJsonString());
                return 0;
            }

            var grid = new Grid().AddColumn().AddColumn();
            foreach (var (label, name) in (ReadOnlySpan<(string, string)>)[("id", "id"), ("received", "receivedAt"), ("system", "system"), ("type", "messageType"),
                         ("mapping", "mapping"), ("source", "source"), ("content type", "contentType"), ("bytes", "bytes"), ("reason", "reason")])
            {
                grid.AddRow(label, Cell(letter, name));
            }

            grid.AddRow("state", Markup.Escape(State(letter)));
            foreach (var (key, value) in letter["metadata"]?.AsObject() ?? [])
            {
                grid.AddRow("meta " + Markup.Escape(key), Markup.Escape(value?.ToString() ?? ""));
            }

            io.Console.Write(grid);
            var encoding = Text(letter, "bodyEncoding");
            await io.Output.WriteLineAsync($"body ({encoding}):");
            await io.Output.WriteLineAsync(encoding == "hex" ? HexRows(Text(letter, "body")) : Text(letter, "body"));
            if (preview is not null)
            {
                await io.Output.WriteLineAsync($"with the mapping in force now ({Text(preview, "mapping")}): {Text(preview, "outcome")}; then (-) and now (+):");
                foreach (var line in preview["diff"]?.AsArray() ?? [])
                {
                    await io.Output.WriteLineAsync(line?.GetValue<string>());
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Replay()
    {
        var host = new HostConnection();
        var filter = new DeadLetterQuery();
        var id = new Argument<Guid?>("id") { Description = "One dead letter (else every open letter the filters match)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("replay", "Replay dead letters through today's mappings (after the mapping was fixed).") { id };
        host.AddTo(command);
        filter.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var io = Io.From(parse);
            using var http = host.Client(parse);
            List<Guid> ids;
            if (parse.GetValue(id) is { } one)
            {
                ids = [one];
            }
            else if (await io.GetAsync(http, "/api/dead-letters?limit=500&" + string.Join('&', filter.ToQuery(parse)), ct) is { } open)
            {
                ids = open.AsArray().Select(l => Guid.Parse(Text(l, "id"))).ToList();
            }
            else
            {
                return 1;
            }

            var replayed = 0;
            var skipped = 0;
            var failing = new List<string>();
            await io.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("replaying", maxValue: Math.Max(ids.Count, 1));
                foreach (var letter in ids)
                {
                    using var response = await http.PostAsync($"/api/dead-letters/{letter}/replay", null, ct);
                    var answer = await response.Content.ReadAsStringAsync(ct);
                    switch (response.StatusCode)
                    {
                        case HttpStatusCode.OK: replayed++; break;
                        case HttpStatusCode.Conflict: skipped++; break;
                        default: failing.Add($"{letter}: {(int)response.StatusCode} {OperatorApiClient.ProblemDetail(answer)}"); break;
                    }

                    task.Increment(1);
                }
            });

            await io.Output.WriteLineAsync($"replayed {replayed}, already resolved {skipped}, still failing {failing.Count}");
            foreach (var line in failing)
            {
                await io.Error.WriteLineAsync(line);
            }

            return failing.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Discard()
    {
        var host = new HostConnection();
        var id = new Argument<Guid>("id") { Description = "The dead letter's id" };
        var reason = new Option<string>("--reason") { Description = "Why it is given up (kept in the audit trail)", Required = true };
        var command = new Command("discard", "Give up one dead letter for good, with a reason (audited).") { id, reason };
        host.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var io = Io.From(parse);
            using var http = host.Client(parse);
            var why = parse.GetValue(reason)!;
            if (string.IsNullOrWhiteSpace(why))
            {
                await io.Error.WriteLineAsync("--reason must say why the letter is discarded");
                return 1;
            }

            using var response = await http.PostAsync($"/api/dead-letters/{parse.GetValue(id)}/discard?reason={Uri.EscapeDataString(why)}", null, ct);
            var answer = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                await io.Error.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}: {OperatorApiClient.ProblemDetail(answer)}");
                return 1;
            }

            await io.Output.WriteLineAsync(parse.GetValue(host.Json) ? answer : $"discarded {parse.GetValue(id)}: {why}");
            return 0;
        });
        return command;
    }

    private static string State(JsonNode letter) =>
        letter["discardedAt"] is { } discarded ? $"discarded {discarded}: {Text(letter, "discardReason")}"
        : letter["replayedAt"] is { } replayed ? $"replayed {replayed}" : "open";

    private static bool IsText(string body) => !body.Any(c => c == '\uFFFD' || (char.IsControl(c) && c is not ('\r' or '\n' or '\t')));

    private static string HexRows(string hex)
    {
        var rows = new StringBuilder();
        for (var offset = 0; offset < hex.Length; offset += 32)
        {
            var row = hex.Substring(offset, Math.Min(32, hex.Length - offset));
            rows.Append((offset / 2).ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append("  ");
            for (var i = 0; i < row.Length; i += 2)
            {
                rows.Append(row, i, 2).Append(' ');
            }

            rows.AppendLine();
        }

        return rows.ToString().TrimEnd();
    }


    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Text(JsonNode? node, string name) => node?[name]?.ToString() ?? "";

    private static string Cell(JsonNode? node, string name) => Markup.Escape(Text(node, name));

    /// <summary>Where a verb writes, and its GET that prints the host's refusal (exit 1) instead of throwing.</summary>
    private sealed record Io(TextWriter Output, TextWriter Error, IAnsiConsole Console)
    {
        public static Io From(ParseResult parse)
        {
            var output = parse.InvocationConfiguration.Output;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
            // Paths with line numbers and reasons are what an operator copies: wide enough not to wrap them.
            console.Profile.Width = Math.Max(console.Profile.Width, 200);
            return new Io(output, parse.InvocationConfiguration.Error, console);
        }

        public async Task<JsonNode?> GetAsync(HttpClient http, string path, CancellationToken ct)
        {
            try
            {
                using var response = await http.GetAsync(path, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode)
                {
                    return JsonNode.Parse(body);
                }

                await Error.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}: {OperatorApiClient.ProblemDetail(body)}");
            }
            catch (HttpRequestException ex)
            {
                await Error.WriteLineAsync($"cannot reach {http.BaseAddress}: {ex.Message}");
            }

            return null;
        }
    }
}
