using Bridge.Mappings.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Yaml;

/// <summary>
/// The one way configuration files are read: one YAML document whose root is a block of keys. Every problem
/// (unreadable file, syntax, wrong root) is reported to the sink with its position; the result is then null.
/// </summary>
public static class YamlConfigFile
{
    /// <summary>What the root of a mapping file is expected to hold, as said in the error when it is not a block of keys.</summary>
    public const string MappingRoot = "system:, direction:, ...";

    /// <summary>Reads and parses <paramref name="path"/>; <paramref name="file"/> is how errors name it (default: the path with '/').</summary>
    public static YamlMappingNode? Read(string path, ConfigurationErrorSink errors, string expectedKeys, string? file = null)
    {
        file ??= path.Replace('\\', '/');
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(file, 0, 0, $"cannot read the file: {ex.Message}");
            return null;
        }
        return Parse(file, text, errors, expectedKeys);
    }

    /// <summary>
    /// YamlDotNet reports a tab used as indentation at the start of the enclosing block (often 1:1); the tab itself
    /// is at the first line from there whose indentation holds one.
    /// </summary>
    private static (int Line, int Column)? FirstTabIndent(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t');
            if (tab >= 0 && tab < indent) return (i + 1, tab + 1);
        }
        return null;
    }

    /// <summary>Parses <paramref name="text"/> of <paramref name="file"/>; <paramref name="expectedKeys"/> names the root keys for the error when the root is not a block of keys.</summary>
    public static YamlMappingNode? Parse(string file, string text, ConfigurationErrorSink errors, string expectedKeys = MappingRoot)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && inner.Message != ex.Message ? $"{ex.Message} ({inner.Message})" : ex.Message;
            var hint = message.Contains("invalid mapping", StringComparison.Ordinal) || message.Contains("mapping values are not allowed", StringComparison.Ordinal)
                ? " (an expression containing ': ' or ' #', such as c ? a : b, must be quoted)"
                : "";
            var (line, column) = message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? FirstTabIndent(text, (int)ex.Start.Line) ?? ((int)ex.Start.Line, (int)ex.Start.Column) : ((int)ex.Start.Line, (int)ex.Start.Column);
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase)) hint = " (indent with spaces; YAML does not allow tabs)";
            errors.Add(file, line, column, $"YAML syntax: {message}{hint}");
            return null;
        }
        catch (ArgumentException ex)
        {
            errors.Add(file, 1, 1, $"YAML: {ex.Message}");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(file, 1, 1, $"expected a YAML block of keys ({expectedKeys})");
            return null;
        }
        return root;
    }
}
