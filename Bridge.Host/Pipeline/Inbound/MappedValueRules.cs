using System.Text.Json;
using System.Text.Json.Nodes;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;

namespace Bridge.Host.Pipeline.Inbound;

/// <summary>
/// What a mapped message may carry before Bridge takes it: no U+0000 and no half surrogate pair anywhere (PostgreSQL
/// cannot store them, UTF-8 cannot encode the latter), and
/// identifiers and codes (every string but free-text <c>Reason</c>) without control characters and at most
/// <see cref="MaxValueLength"/> characters — a value no receiver could take in a header, path or log is refused
/// at the door instead of failing later at every send. Any other Unicode (umlauts, Chinese) is welcome.
/// </summary>
public static class MappedValueRules
{
    public const int MaxValueLength = 1000;

    private static readonly HashSet<string> FreeText = new(StringComparer.OrdinalIgnoreCase) { "Reason" };

    public static IReadOnlyList<string> Check(ICanonicalMessage message)
    {
        var problems = new List<string>();
        var node = JsonSerializer.SerializeToNode(message, message.GetType(), InboundMessageSerializer.Options);
        Walk(node, message.GetType().Name, null, problems);
        return problems;
    }

    private static void Walk(JsonNode? node, string path, string? property, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, $"{path}.{name}", name, problems);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", property, problems);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                CheckText(text, path, property, problems);
                break;
        }
    }

    private static void CheckText(string text, string path, string? property, List<string> problems)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add($"field '{path}' contains a NUL character, which cannot be stored or sent");
            return;
        }

        if (PostgresText.HasUnpairedSurrogate(text))
        {
            problems.Add($"field '{path}' contains half of a UTF-16 surrogate pair (a broken character, e.g. the escape \\ud800), which cannot be stored or sent");
            return;
        }

        if (property is not null && FreeText.Contains(property))
        {
            return;
        }

        if (text.Length > MaxValueLength)
        {
            problems.Add($"field '{path}' is {text.Length} characters long; an identifier or code may have at most {MaxValueLength}");
        }
        else if (text.Any(char.IsControl))
        {
            problems.Add($"field '{path}' contains control characters (CR, LF, TAB or others), which no receiver can take in a header or path");
        }
    }
}
