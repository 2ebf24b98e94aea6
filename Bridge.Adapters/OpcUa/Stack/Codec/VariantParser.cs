using System.Globalization;
using System.Text.Json;

namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// Turns invariant text into a Variant of a known built-in type — what the CLI's <c>write</c> and device
/// write-backs need. Arrays are written as JSON arrays: <c>[1, 2, 3]</c> or <c>["a", "b"]</c>.
/// </summary>
public static class VariantParser
{
    public static Variant Parse(BuiltInType type, bool isArray, string text)
    {
        if (!isArray)
        {
            return new Variant(type, ParseScalar(type, text));
        }
        List<string?> elements;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"'{text}' is not a JSON array; write arrays as [a, b, c]");
            }
            elements = [.. json.RootElement.EnumerateArray().Select(e => e.ValueKind switch
            {
                JsonValueKind.String => e.GetString(),
                JsonValueKind.Null => null,
                _ => e.GetRawText(),
            })];
        }
        catch (JsonException ex)
        {
            throw new FormatException($"'{text}' is not a JSON array: {ex.Message}", ex);
        }
        var array = Array.CreateInstance(BuiltInTypes.ClrType(type), elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            array.SetValue(elements[i] is null ? null : ParseScalar(type, elements[i]!), i);
        }
        return new Variant(type, array);
    }

    public static object? ParseScalar(BuiltInType type, string text)
    {
        var s = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        try
        {
            return type switch
            {
                BuiltInType.Boolean => s switch
                {
                    "1" => true,
                    "0" => false,
                    _ => bool.Parse(s),
                },
                BuiltInType.SByte => sbyte.Parse(s, NumberStyles.Integer, inv),
                BuiltInType.Byte => byte.Parse(s, NumberStyles.Integer, inv),
                BuiltInType.Int16 => short.Parse(s, NumberStyles.Integer, inv),
                BuiltInType.UInt16 => ushort.Parse(s, NumberStyles.Integer, inv),
                BuiltInType.Int32 => int.Parse(s, NumberStyles.Integer, inv),
                BuiltInType.UInt32 => uint.Parse(s, NumberStyles.Integer, inv),
                BuiltInType.Int64 => long.Parse(s, NumberStyles.Integer, inv),
                BuiltInType.UInt64 => ulong.Parse(s, NumberStyles.Integer, inv),
                BuiltInType.Float => float.Parse(s, NumberStyles.Float, inv),
                BuiltInType.Double => double.Parse(s, NumberStyles.Float, inv),
                BuiltInType.String => text,
                BuiltInType.DateTime => DateTime.Parse(s, inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                BuiltInType.Guid => Guid.Parse(s),
                BuiltInType.ByteString => Convert.FromBase64String(s),
                BuiltInType.XmlElement => new XmlElement(text),
                BuiltInType.NodeId => NodeId.Parse(s),
                BuiltInType.ExpandedNodeId => ExpandedNodeId.Parse(s),
                BuiltInType.StatusCode => StatusCode.TryParseName(s, out var named) ? named : new StatusCode(uint.Parse(s.Replace("0x", "", StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, inv)),
                BuiltInType.QualifiedName => QualifiedName.Parse(s),
                BuiltInType.LocalizedText => new LocalizedText(null, text),
                _ => throw new FormatException($"values of type {type} cannot be written as text"),
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw new FormatException($"'{text}' is not a valid {type}: {ex.Message}", ex);
        }
    }

    /// <summary>"Double", "Int32[3]", "Int32[2x3]": the type as the CLI prints it.</summary>
    public static string Describe(Variant value)
    {
        if (!value.IsArray)
        {
            return value.Type.ToString();
        }
        var dimensions = value.ArrayDimensions ?? [((Array)value.Value!).Length];
        return $"{value.Type}[{string.Join("x", dimensions)}]";
    }
}
