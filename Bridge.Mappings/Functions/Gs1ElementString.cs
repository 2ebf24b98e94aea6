using System.Globalization;
using Bridge.Mappings.Diagnostics;

namespace Bridge.Mappings.Functions;

/// <summary>
/// Parses a GS1 element string as a scanner delivers it: an optional symbology identifier (]C1, ]d2, ]Q3), then
/// application identifiers; variable-length fields end with the group separator (FNC1, ASCII 29). The human-readable
/// form with AIs in parentheses, (01)…(10)…, is read too. Supported AIs: 01 GTIN (check digit verified), 10 lot,
/// 17 expiry YYMMDD (DD 00 = last day of the month), 21 serial, 30 and 37 count, 310n net weight in kg with n decimals.
/// </summary>
internal static class Gs1ElementString
{
    private const char GroupSeparator = '\u001D';

    public static IReadOnlyDictionary<string, string> Parse(string scan, string? source)
    {
        var text = scan.Trim();
        if (text.Length >= 3 && text[0] == ']') text = text[3..];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text.StartsWith('(')) ParseBracketed(text, fields, scan, source);
        else ParseRaw(text, fields, scan, source);
        if (fields.Count == 0) throw Error("no application identifier found", scan, source);
        return fields;
    }

    private static void ParseRaw(string text, Dictionary<string, string> fields, string scan, string? source)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == GroupSeparator)
            {
                i++;
                continue;
            }
            var (ai, length) = Identify(text, i, scan, source);
            i += ai.Length;
            string data;
            if (length > 0)
            {
                if (i + length > text.Length) throw Error($"AI ({ai}) needs {length} digits, got '{ValueText.Show(text[i..])}'", scan, source);
                data = text.Substring(i, length);
                i += length;
            }
            else
            {
                var end = text.IndexOf(GroupSeparator, i);
                if (end < 0) end = text.Length;
                data = text[i..end];
                i = end;
            }
            Store(ai, data, fields, scan, source);
        }
    }

    private static void ParseBracketed(string text, Dictionary<string, string> fields, string scan, string? source)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '(') throw Error($"expected '(' at position {i + 1}", scan, source);
            var close = text.IndexOf(')', i);
            if (close < 0) throw Error($"'(' at position {i + 1} is not closed", scan, source);
            var ai = text[(i + 1)..close];
            var next = text.IndexOf('(', close);
            if (next < 0) next = text.Length;
            var (known, _) = Identify(ai, 0, scan, source);
            if (known != ai) throw Error($"unsupported application identifier ({ai})", scan, source);
            Store(ai, text[(close + 1)..next], fields, scan, source);
            i = next;
        }
    }

    /// <summary>The AI at <paramref name="at"/> and its fixed data length (0 when it ends at a separator).</summary>
    private static (string Ai, int Length) Identify(string text, int at, string scan, string? source)
    {
        string Take(int n) => at + n <= text.Length ? text.Substring(at, n) : "";
        var two = Take(2);
        switch (two)
        {
            case "01":
                return ("01", 14);
            case "17":
                return ("17", 6);
            case "10" or "21" or "30" or "37":
                return (two, 0);
        }
        var four = Take(4);
        if (four.Length == 4 && four.StartsWith("310", StringComparison.Ordinal) && char.IsAsciiDigit(four[3])) return (four, 6);
        throw Error($"unsupported application identifier at position {at + 1} ('{Take(Math.Min(4, text.Length - at))}'); supported: 01, 10, 17, 21, 30, 37, 310n", scan, source);
    }

    private static void Store(string ai, string data, Dictionary<string, string> fields, string scan, string? source)
    {
        switch (ai)
        {
            case "01":
                if (data.Length != 14 || !data.All(char.IsAsciiDigit)) throw Error($"GTIN (01) must be 14 digits, got '{ValueText.Show(data)}'", scan, source);
                var check = CheckDigit(data.AsSpan(0, 13));
                if (check != data[13] - '0') throw Error($"GTIN (01) '{data}' has check digit {data[13]}, expected {check}", scan, source);
                fields["gtin"] = data;
                break;
            case "10":
                fields["lot"] = Variable(ai, data, 20, scan, source);
                break;
            case "21":
                fields["serial"] = Variable(ai, data, 20, scan, source);
                break;
            case "30" or "37":
                var count = Variable(ai, data, 8, scan, source);
                if (!count.All(char.IsAsciiDigit)) throw Error($"count ({ai}) must be digits, got '{ValueText.Show(count)}'", scan, source);
                fields["count"] = decimal.Parse(count, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                break;
            case "17":
                fields["expiry"] = Expiry(data, scan, source);
                break;
            default: // 310n
                if (!data.All(char.IsAsciiDigit)) throw Error($"net weight ({ai}) must be 6 digits, got '{ValueText.Show(data)}'", scan, source);
                var decimals = ai[3] - '0';
                fields["netWeightKg"] = (decimal.Parse(data, CultureInfo.InvariantCulture) / Pow10(decimals)).ToString(CultureInfo.InvariantCulture);
                break;
        }
    }

    private static string Variable(string ai, string data, int max, string scan, string? source)
    {
        if (data.Length == 0 || data.Length > max) throw Error($"AI ({ai}) holds 1 to {max} characters, got {data.Length}", scan, source);
        return data;
    }

    /// <summary>YYMMDD; day 00 means the last day of the month. Years are 2000–2099.</summary>
    private static string Expiry(string data, string scan, string? source)
    {
        if (!data.All(char.IsAsciiDigit)) throw Error($"expiry (17) must be YYMMDD, got '{ValueText.Show(data)}'", scan, source);
        var year = 2000 + int.Parse(data[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(data[2..4], CultureInfo.InvariantCulture);
        var day = int.Parse(data[4..], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) throw Error($"expiry (17) '{data}' has month {month:00}", scan, source);
        if (day == 0) day = DateTime.DaysInMonth(year, month);
        if (day > DateTime.DaysInMonth(year, month)) throw Error($"expiry (17) '{data}' has day {day:00}, which {year}-{month:00} does not have", scan, source);
        return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var weight = (digits.Length - i) % 2 == 1 ? 3 : 1; // rightmost data digit weighs 3
            sum += (digits[i] - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++) result *= 10;
        return result;
    }

    private static MappingRuntimeException Error(string problem, string scan, string? source) =>
        new($"GS1: {problem}", source, scan);
}
