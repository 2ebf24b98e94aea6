using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Bridge.Mappings.Diagnostics;

namespace Bridge.Mappings.Runtime;

/// <summary>
/// The runtime value domain: null, string, decimal, bool, DateTimeOffset, DateOnly, source nodes
/// (JSON objects/arrays, XML elements) and lists. Conversions here are strict and invariant;
/// culture-specific parsing is explicit through functions.
/// </summary>
internal static class Values
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Box(bool value) => value ? True : False;

    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var d) ? d : element.GetRawText(),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => element,
    };

    /// <summary>True when the value is absent: null, an empty text, an empty XML element or an empty list.</summary>
    public static bool IsMissing(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        XElement e => !e.HasElements && e.Value.Length == 0 && !e.HasAttributes,
        List<object?> list => list.Count == 0,
        _ => false,
    };

    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XElement e => IsNil(e) ? null : e.Value,
        XAttribute a => a.Value,
        XDocument doc => doc.Root?.Value,
        JsonElement j => j.ValueKind == JsonValueKind.String ? j.GetString() : j.GetRawText(),
        List<object?> list => list.Count == 0 ? null : ToText(list[0]),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>How a value is shown in an error message (short, never null).</summary>
    public static string Display(object? value)
    {
        var text = value is null ? "null" : ToText(value) ?? "null";
        return ValueText.Show(text)!;
    }

    public static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0 && !s.Equals("false", StringComparison.OrdinalIgnoreCase),
        decimal d => d != 0m,
        List<object?> list => list.Count > 0,
        _ => true,
    };

    public static bool TryToDecimal(object? value, out decimal result)
    {
        switch (value)
        {
            case decimal d:
                result = d;
                return true;
            case bool:
                result = 0;
                return false;
            case null:
                result = 0;
                return false;
        }
        var text = ToText(value);
        return decimal.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    public static decimal ToDecimal(object? value, string? sourcePath)
    {
        if (TryToDecimal(value, out var result)) return result;
        throw new MappingRuntimeException(
            value is null ? "expected a number, got nothing" : $"expected a number (invariant culture, '.' as decimal point), got '{Display(value)}'",
            sourcePath, value is null ? null : Display(value));
    }

    public static bool TryToDateTime(object? value, out DateTimeOffset result, out string? problem)
    {
        problem = null;
        switch (value)
        {
            case DateTimeOffset t:
                result = t.ToUniversalTime();
                return true;
            case DateOnly d:
                result = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return true;
        }
        result = default;
        var text = ToText(value)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "expected a date/time, got nothing";
            return false;
        }
        if (UtcTimestamp.TryParse(text, out result)) return true;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            problem = $"expected an ISO 8601 date/time with a UTC offset, got '{ValueText.Show(text)}'";
            return false;
        }
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            problem = $"'{text}' has no UTC offset; use datetime(value, format, timezone) to say which time zone it is in";
            return false;
        }
        result = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None).ToUniversalTime();
        return true;
    }

    public static DateTimeOffset ToDateTime(object? value, string? sourcePath)
    {
        if (TryToDateTime(value, out var result, out var problem)) return result;
        throw new MappingRuntimeException(problem!, sourcePath, value is null ? null : Display(value));
    }

    public static bool ValueEquals(object? left, object? right)
    {
        left = Scalar(left);
        right = Scalar(right);
        if (left is null || right is null) return left is null && right is null;
        if (left is decimal || right is decimal)
        {
            return TryToDecimal(left, out var a) && TryToDecimal(right, out var b) ? a == b : string.Equals(ToText(left), ToText(right), StringComparison.Ordinal);
        }
        if (left is bool lb && right is bool rb) return lb == rb;
        if (left is DateTimeOffset || right is DateTimeOffset)
        {
            return TryToDateTime(left, out var a, out _) && TryToDateTime(right, out var b, out _) && a == b;
        }
        return string.Equals(ToText(left), ToText(right), StringComparison.Ordinal);
    }

    public static int Compare(object? left, object? right, string? sourcePath)
    {
        left = Scalar(left);
        right = Scalar(right);
        if (left is decimal || right is decimal) return ToDecimal(left, sourcePath).CompareTo(ToDecimal(right, sourcePath));
        if (left is DateTimeOffset || right is DateTimeOffset) return ToDateTime(left, sourcePath).CompareTo(ToDateTime(right, sourcePath));
        if (left is DateOnly ld && right is DateOnly rd) return ld.CompareTo(rd);
        return string.CompareOrdinal(ToText(left), ToText(right));
    }

    /// <summary>A node or single-item list reduced to its scalar value for comparisons.</summary>
    public static object? Scalar(object? value) => value switch
    {
        XElement or XAttribute or XDocument => ToText(value),
        List<object?> list => list.Count == 0 ? null : Scalar(list[0]),
        _ => value,
    };

    private static bool IsNil(XElement element)
    {
        var nil = element.Attribute(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "nil");
        return nil is not null && nil.Value is "true" or "1";
    }
}
