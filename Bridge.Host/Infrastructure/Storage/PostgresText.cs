using System.Globalization;
using System.Text;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// PostgreSQL <c>text</c> and <c>jsonb</c> refuse U+0000, and UTF-8 cannot carry half of a UTF-16 surrogate pair (a
/// character cut in two, or a JSON escape such as <c>\ud800</c>): Npgsql throws before the row is sent. A value from
/// outside that carries either is stored with it written as the six characters <c>\u0000</c> / <c>\uD800</c>, so the
/// row is always kept (raw bytes belong in <c>bytea</c>).
/// </summary>
public static class PostgresText
{
    public static string Storable(string value)
    {
        if (!value.Contains('\0', StringComparison.Ordinal) && !HasUnpairedSurrogate(value)) return value;
        var text = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>True when <paramref name="value"/> holds half of a surrogate pair: text no UTF-8 encoder (PostgreSQL, HTTP, RabbitMQ) can carry.</summary>
    public static bool HasUnpairedSurrogate(string value)
    {
        for (var i = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return true;
        }
        return false;
    }
}
