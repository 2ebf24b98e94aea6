using System.Globalization;
using System.Text;

namespace Bridge.Mappings.Diagnostics;

/// <summary>An offending value as an error shows it: control characters escaped as \uXXXX, at most 120 characters.</summary>
internal static class ValueText
{
    public const int MaxLength = 120;

    /// <summary>A message that quotes a value: control characters escaped, at most 500 characters.</summary>
    public static string Message(string message)
    {
        var escaped = Escape(message.Length > 500 ? message[..497] + "..." : message);
        return escaped;
    }

    private static string Escape(string text)
    {
        if (!text.Any(ch => char.IsControl(ch) || ch is '\u2028' or '\u2029')) return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (char.IsControl(ch) || ch is '\u2028' or '\u2029') builder.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
            else builder.Append(ch);
        }
        return builder.ToString();
    }

    public static string? Show(string? value)
    {
        if (value is null) return null;
        var shortened = value.Length > MaxLength ? value[..(MaxLength - 3)] : value;
        var builder = new StringBuilder(shortened.Length + 8);
        foreach (var ch in shortened)
        {
            if (char.IsControl(ch) || ch is '\u2028' or '\u2029') builder.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
            else builder.Append(ch);
        }
        if (shortened.Length < value.Length) builder.Append($"... ({value.Length} characters)");
        return builder.ToString();
    }
}
