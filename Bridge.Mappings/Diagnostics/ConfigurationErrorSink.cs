using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Diagnostics;

/// <summary>
/// Collects every problem of a configuration load with its file, line and column (1-based), so a loader reports
/// them all at once instead of stopping at the first.
/// </summary>
public sealed class ConfigurationErrorSink
{
    private readonly List<ConfigurationError> _errors = [];

    public IReadOnlyList<ConfigurationError> Errors => _errors;

    public int Count => _errors.Count;

    private readonly HashSet<string> _once = new(StringComparer.Ordinal);

    public void Add(string file, int line, int column, string message) => _errors.Add(new ConfigurationError(file, line, column, message));

    /// <summary>Adds the error unless one with the same <paramref name="key"/> was added (a problem in a file several mappings share).</summary>
    public void AddOnce(string file, int line, int column, string message, string key)
    {
        if (_once.Add(key)) Add(file, line, column, message);
    }

    public void Add(string file, Mark mark, string message) => Add(file, (int)mark.Line, (int)mark.Column, message);

    public void Add(string file, YamlNode node, string message) => Add(file, node.Start, message);

    /// <summary>Reports a problem at an offset inside a scalar (an expression), translated to the line and column in the file.</summary>
    public void AddAt(string file, YamlScalarNode scalar, int offset, string message)
    {
        var (line, column) = Locate(scalar, offset);
        Add(file, line, column, message);
    }

    public static (int Line, int Column) Locate(YamlScalarNode scalar, int offset)
    {
        var line = (int)scalar.Start.Line;
        var column = (int)scalar.Start.Column;
        if (offset < 0) return (line, column);
        var text = scalar.Value ?? "";
        offset = Math.Min(offset, text.Length);
        var quoted = scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted ? 1 : 0;
        var block = scalar.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded;
        var lastNewline = text.LastIndexOf('\n', Math.Max(0, offset - 1));
        if (offset == 0) lastNewline = -1;
        var newlines = 0;
        for (var i = 0; i < offset; i++) if (text[i] == '\n') newlines++;
        if (block) return (line + 1 + newlines, (lastNewline < 0 ? offset : offset - lastNewline - 1) + 3);
        if (newlines == 0) return (line, column + quoted + offset);
        return (line + newlines, offset - lastNewline);
    }
}
