using System.Text.RegularExpressions;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Mappings;

namespace Bridge.Host.Operations;

/// <summary>
/// Where a dead letter's failure lives: the mapping's file and, when the reason names a field, the line of that
/// field in the file (<c>config/mappings/erp/production-order.yaml:17</c>) — what a person opens to fix it.
/// </summary>
public static partial class DeadLetterSource
{
    public static string? Locate(DeadLetter letter, MappingSet mappings)
    {
        if (letter.Mapping is null || mappings.Inbound.FirstOrDefault(m => m.Name == letter.Mapping) is not { } mapping)
        {
            return null;
        }

        if (FieldPattern().Match(letter.Reason) is not { Success: true } field || !File.Exists(mapping.File))
        {
            return mapping.File;
        }

        // The field's last segment as a YAML key (canonical paths are dotted: lines[].quantity → quantity).
        var key = field.Groups[1].Value.Split('.', '[').Last(s => s.Length > 0).TrimEnd(']');
        var lines = File.ReadAllLines(mapping.File);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimStart(' ', '-').TrimStart();
            if (text.StartsWith(key + ":", StringComparison.Ordinal) || text.StartsWith($"\"{key}\":", StringComparison.Ordinal))
            {
                return $"{mapping.File}:{i + 1}";
            }
        }

        return mapping.File;
    }

    [GeneratedRegex("field '([^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FieldPattern();
}
