using System.Text;

namespace Bridge.Adapters.Http.Requests;

/// <summary>
/// What may go into an HTTP header. Names must be RFC 9110 tokens. Values must not hold control characters
/// (CR, LF, NUL, TAB, DEL, C1): such a value could split the header or the request, so it is never sent.
/// A value of printable ASCII goes as it is; a value with other characters is sent in the RFC 8187 ext-value form
/// <c>UTF-8''…</c>, its UTF-8 bytes percent-encoded except RFC 8187 attr-chars, so the receiver can decode it
/// without guessing a charset.
/// </summary>
internal static class HeaderValues
{
    private const string AttrCharSymbols = "!#$&+-.^_`|~";
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>Why <paramref name="name"/> cannot be a header name, or null when it can.</summary>
    public static string? NameProblem(string name) =>
        name.Length == 0 ? "an empty header name"
        : name.All(c => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c)) ? null
        : $"header name '{Printable(name)}' is not an RFC 9110 token";

    /// <summary>Why <paramref name="value"/> of header <paramref name="name"/> cannot be sent, or null when it can.</summary>
    public static string? ValueProblem(string name, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                return $"header '{name}' holds control character U+{(int)value[i]:X4} at position {i}";
            }
        }
        return null;
    }

    /// <summary>The value as it goes on the wire (call after <see cref="ValueProblem"/> found nothing).</summary>
    public static string Encode(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
        {
            return value;
        }
        var encoded = new StringBuilder("UTF-8''");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || AttrCharSymbols.Contains(c)))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    /// <summary>The text with control characters shown as <c>\\uXXXX</c>, for messages and logs.</summary>
    public static string Printable(string text) => string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
