using Bridge.Mappings.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Tables;

/// <summary>
/// Reads <c>tables:</c> and <c>statuses:</c>. A table is a CSV file beside the mapping (first column key,
/// second value, or named columns), an inline map, or <c>{ file | entries, key, value, default, ignoreCase }</c>.
/// </summary>
internal static class TableLoader
{
    private static readonly HashSet<string> Options = ["file", "entries", "key", "value", "default", "ignoreCase", "delimiter"];

    public static Dictionary<string, LookupTable> Read(YamlNode? section, string mappingFile, string sectionName, ConfigurationErrorSink errors, Func<string, string, string?>? validateValue = null)
    {
        var tables = new Dictionary<string, LookupTable>(StringComparer.Ordinal);
        if (section is null) return tables;
        if (section is not YamlMappingNode mapping)
        {
            errors.Add(mappingFile, section, $"'{sectionName}:' expects a block of name: file.csv or name: {{ code: value }}");
            return tables;
        }
        foreach (var (keyNode, value) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var table = ReadOne(name, value, mappingFile, sectionName, errors);
            if (table is null) continue;
            if (validateValue is not null) Validate(table, value, mappingFile, errors, validateValue);
            tables[name] = table;
        }
        return tables;
    }

    /// <summary>Checks every value, reporting at the value itself when the table is written inline.</summary>
    private static void Validate(LookupTable table, YamlNode node, string mappingFile, ConfigurationErrorSink errors, Func<string, string, string?> validateValue)
    {
        var inline = node as YamlMappingNode;
        if (inline?.Children.TryGetValue(new YamlScalarNode("entries"), out var entries) == true) inline = entries as YamlMappingNode;
        if (inline is not null && table.Source == "inline")
        {
            foreach (var value in inline.Children.Values.OfType<YamlScalarNode>())
            {
                if (validateValue(value.Value ?? "", table.Name) is { } problem) errors.Add(mappingFile, value, problem);
            }
            if (table.Default is { } fallback && validateValue(fallback, table.Name) is { } defaultProblem) errors.Add(mappingFile, node, defaultProblem);
            return;
        }
        foreach (var value in table.Values.Append(table.Default).OfType<string>().Distinct())
        {
            if (validateValue(value, table.Name) is { } problem) errors.Add(mappingFile, node, problem);
        }
    }

    private static LookupTable? ReadOne(string name, YamlNode node, string mappingFile, string sectionName, ConfigurationErrorSink errors)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } file } scalar:
                return FromCsv(name, file, null, null, null, false, ',', scalar, mappingFile, errors);
            case YamlMappingNode map when map.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value is "file" or "entries"):
                string? Text(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
                foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
                {
                    if (!Options.Contains(key.Value!)) errors.Add(mappingFile, key, $"unknown key '{key.Value}' in table '{name}'; expected file or entries, key, value, default, ignoreCase, delimiter");
                }
                var ignoreCase = Text("ignoreCase") is "true";
                var defaultValue = Text("default");
                if (map.Children.TryGetValue(new YamlScalarNode("entries"), out var entries))
                {
                    return Inline(name, entries, defaultValue, ignoreCase, mappingFile, errors);
                }
                var fileNode = map.Children[new YamlScalarNode("file")];
                var delimiter = Text("delimiter") is { Length: 1 } d ? d[0] : ',';
                return fileNode is YamlScalarNode { Value: { } path } fileScalar
                    ? FromCsv(name, path, Text("key"), Text("value"), defaultValue, ignoreCase, delimiter, fileScalar, mappingFile, errors)
                    : null;
            case YamlMappingNode map:
                return Inline(name, map, null, false, mappingFile, errors);
            default:
                errors.Add(mappingFile, node, $"{sectionName} '{name}' expects a CSV file name or a block of code: value lines");
                return null;
        }
    }

    private static LookupTable? Inline(string name, YamlNode node, string? defaultValue, bool ignoreCase, string mappingFile, ConfigurationErrorSink errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(mappingFile, node, $"table '{name}': 'entries:' expects a block of code: value lines");
            return null;
        }
        var entries = new Dictionary<string, string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } key } && v is YamlScalarNode { Value: { } value }) entries[key] = value;
            else errors.Add(mappingFile, k, $"table '{name}': expected 'code: value' with plain values");
        }
        return new LookupTable(name, "inline", entries, defaultValue);
    }

    private static LookupTable? FromCsv(string name, string relative, string? keyColumn, string? valueColumn, string? defaultValue, bool ignoreCase, char delimiter, YamlScalarNode at, string mappingFile, ConfigurationErrorSink errors)
    {
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(mappingFile))!, relative));
        if (!File.Exists(path))
        {
            errors.Add(mappingFile, at, $"table '{name}': file '{relative}' not found beside the mapping");
            return null;
        }
        List<string[]> rows;
        try
        {
            rows = CsvParser.Parse(File.ReadAllText(path), delimiter);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(mappingFile, at, $"table '{name}': cannot read '{relative}': {ex.Message}");
            return null;
        }
        if (rows.Count == 0)
        {
            errors.Add(mappingFile, at, $"table '{name}': '{relative}' is empty; expected a header row and code rows");
            return null;
        }
        var header = rows[0].Select(h => h.Trim()).ToArray();
        var keyIndex = keyColumn is null ? 0 : Array.IndexOf(header, keyColumn);
        var valueIndex = valueColumn is null ? 1 : Array.IndexOf(header, valueColumn);
        if (keyIndex < 0 || valueIndex < 0 || valueIndex >= header.Length)
        {
            var missing = keyIndex < 0 ? keyColumn : valueColumn ?? "(a second column)";
            errors.Add(mappingFile, at, $"table '{name}': '{relative}' has no column '{missing}'; its header is {string.Join(", ", header)}");
            return null;
        }
        var entries = new Dictionary<string, string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var rowOf = new Dictionary<string, int>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Length <= Math.Max(keyIndex, valueIndex))
            {
                errors.Add(Path.Combine(Path.GetDirectoryName(mappingFile)!, relative).Replace('\\', '/'), i + 1, 1, $"table '{name}': row {i + 1} has {row.Length} column(s); expected at least {Math.Max(keyIndex, valueIndex) + 1}");
                continue;
            }
            var key = row[keyIndex].Trim();
            if (entries.TryAdd(key, row[valueIndex].Trim()))
            {
                rowOf[key] = i + 1;
                continue;
            }
            // A table file shared by several mappings is reported once, naming the first mapping that uses it.
            var tableFile = Path.Combine(Path.GetDirectoryName(mappingFile)!, relative).Replace('\\', '/');
            errors.AddOnce(tableFile, i + 1, 1, $"key '{key}' appears twice (rows {rowOf[key]} and {i + 1}) in table '{name}' of mapping {mappingFile}", $"{tableFile}:{i + 1}:duplicate");
        }
        return new LookupTable(name, relative, entries, defaultValue);
    }
}
