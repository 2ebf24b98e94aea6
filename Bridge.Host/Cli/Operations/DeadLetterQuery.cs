using System.CommandLine;
using System.Globalization;

namespace Bridge.Host.Cli.Operations;

/// <summary>The dead-letter filters the <c>deadletters</c> verbs share, rendered as the host's query string.</summary>
internal sealed class DeadLetterQuery
{
    public Option<string?> System { get; } = new("--system") { Description = "Only letters from this system" };

    public Option<string?> Mapping { get; } = new("--mapping") { Description = "Only letters of this mapping" };

    public Option<string?> Reason { get; } = new("--reason") { Description = "Only letters whose reason contains this text" };

    public Option<DateTimeOffset?> Since { get; } = new("--since") { Description = "Received at or after (ISO 8601)" };

    public Option<DateTimeOffset?> Until { get; } = new("--until") { Description = "Received before (ISO 8601)" };

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[System, Mapping, Reason, Since, Until])
        {
            command.Options.Add(option);
        }
    }

    public bool Any(ParseResult parse) => ToQuery(parse).Count > 0;

    public List<string> ToQuery(ParseResult parse)
    {
        var query = new List<string>();
        Add(query, "system", parse.GetValue(System));
        Add(query, "mapping", parse.GetValue(Mapping));
        Add(query, "reason", parse.GetValue(Reason));
        Add(query, "since", parse.GetValue(Since)?.ToString("O", CultureInfo.InvariantCulture));
        Add(query, "until", parse.GetValue(Until)?.ToString("O", CultureInfo.InvariantCulture));
        return query;
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
