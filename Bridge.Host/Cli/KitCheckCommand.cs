using Bridge.Host.Cli.Operations;
using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Bridge.Host.Cli;

/// <summary>
/// <c>kit-check (--order ID[:QTY]… | --from T --to T) [--ordering priority|due] [--url URL] [--key KEY] [--json]</c>:
/// asks a running host for the kit completeness of several orders at once (<c>POST /api/kit-checks</c>) and prints one
/// row per order and one per shortage. Exit 0 when every order is complete, 3 when some are short, 1 when the host
/// refused or could not be reached.
/// </summary>
internal static class KitCheckCommand
{
    public const int SomeShort = 3;

    public static Command Create()
    {
        var orders = new Option<string[]>("--order") { Description = "An order to check, optionally with a quantity: 1004711 or 1004711:50 (repeat for several)", AllowMultipleArgumentsPerToken = true };
        var from = new Option<DateTimeOffset?>("--from") { Description = "The open schedule: orders due from this time (ISO 8601) ..." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "... to this time (exclusive)" };
        var ordering = new Option<string>("--ordering") { Description = "Who gets the stock first: priority (default) or due", DefaultValueFactory = _ => "priority" };
        var url = new Option<string>("--url") { Description = $"The host (default {OperatorApiClient.DefaultUrl})", DefaultValueFactory = _ => OperatorApiClient.DefaultUrl };
        var key = new Option<string?>("--key") { Description = "An operator's or administrator's key (default: BRIDGE_KEY, then the local administrator key file)" };
        var json = new Option<bool>("--json") { Description = "Print the host's JSON answer" };
        var command = new Command("kit-check", "Check the kits of several orders (or the open schedule) at once, no stock counted twice.") { orders, from, to, ordering, url, key, json };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(orders) ?? [], parse.GetValue(from), parse.GetValue(to), parse.GetValue(ordering)!,
            parse.GetValue(url)!, parse.GetValue(key), parse.GetValue(json), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> orders, DateTimeOffset? from, DateTimeOffset? to, string ordering, string url, string? key, bool json,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        var body = new JsonObject { ["ordering"] = ordering };
        if (orders.Count > 0)
        {
            var list = new JsonArray();
            foreach (var order in orders)
            {
                if (Parse(order) is not { } parsed)
                {
                    await error.WriteLineAsync($"--order '{order}': expected ORDER or ORDER:QUANTITY with a quantity above zero ('.' as decimal point)");
                    return 1;
                }

                list.Add(parsed);
            }

            body["orders"] = list;
        }

        if (from is not null) body["from"] = from.Value.ToString("O", CultureInfo.InvariantCulture);
        if (to is not null) body["to"] = to.Value.ToString("O", CultureInfo.InvariantCulture);
        if (orders.Count == 0 && (from is null || to is null))
        {
            await error.WriteLineAsync("give --order (one or more) or the open schedule as --from and --to");
            return BridgeCommandLine.UsageError;
        }

        using var http = OperatorApiClient.Create(url, key);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync("/api/kit-checks", body, ct);
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"cannot reach {url}: {ex.Message}");
            return 1;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                await error.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}: {OperatorApiClient.ProblemDetail(text)}");
                return 1;
            }

            var answer = JsonNode.Parse(text)!;
            var checkedOrders = answer["orders"]!.AsArray();
            if (json)
            {
                await output.WriteLineAsync(text);
            }
            else
            {
                Print(checkedOrders, output);
            }

            return checkedOrders.All(o => o!["complete"]!.GetValue<bool>()) ? 0 : SomeShort;
        }
    }

    private static JsonObject? Parse(string order)
    {
        var colon = order.LastIndexOf(':');
        var id = colon < 0 ? order : order[..colon];
        if (id.Length == 0) return null;
        var result = new JsonObject { ["orderId"] = id };
        if (colon >= 0)
        {
            if (!decimal.TryParse(order[(colon + 1)..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity) || quantity <= 0m)
                return null;
            result["quantity"] = quantity;
        }

        return result;
    }

    private static void Print(JsonArray orders, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
        var kits = new Table().AddColumns("rank", "order", "plant", "needed by", "complete", "kit rate");
        var shortages = new Table().AddColumns("order", "material", "short", "unit", "could come from");
        foreach (var order in orders)
        {
            var id = Text(order!["orderId"]);
            kits.AddRow(Text(order["rank"]), id, Text(order["plant"]), Text(order["neededBy"]), order["complete"]!.GetValue<bool>() ? "yes" : "no",
                (order["kitRate"]!.GetValue<decimal>() * 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %");
            foreach (var shortage in order["shortages"]!.AsArray())
            {
                var sources = shortage!["couldComeFrom"]!.AsArray()
                    .Select(s => $"{s!["warehouse"]} {s["quantity"]} {s["unit"]} at {s["arrivesAt"]}").ToList();
                shortages.AddRow(id, Text(shortage["material"]), Text(shortage["shortage"]), Text(shortage["unit"]), sources.Count == 0 ? "none" : Markup.Escape(string.Join("; ", sources)));
            }
        }

        console.Write(kits);
        if (shortages.Rows.Count > 0)
        {
            console.Write(shortages);
        }
    }

    private static string Text(JsonNode? node) => node is null ? "" : Markup.Escape(node.ToString());

}
