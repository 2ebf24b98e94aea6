using System.Globalization;
using System.Text;

namespace Bridge.Host.Infrastructure.Logging;

/// <summary>
/// A value from outside (system id, message type, id, path segment, reason quoting a payload) made safe for one log
/// line: CR, LF, NUL and every other C0/C1 control character, DEL and the Unicode line/paragraph separators are
/// written as <c>\uXXXX</c>, so no value can end a log line and forge the next one.
/// </summary>
public static class LogText
{
    public static string Escape(string? value)
    {
        if (value is null)
        {
            return "";
        }

        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
