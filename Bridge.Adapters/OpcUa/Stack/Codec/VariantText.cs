using System.Globalization;
using System.Text;

namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>Invariant text for values: what the CLI prints and what device envelopes carry as their body.</summary>
public static class VariantText
{
    public static string Format(Variant variant)
    {
        if (variant.Value is null)
        {
            return variant.Type == BuiltInType.Null ? "null" : "";
        }
        if (!variant.IsArray)
        {
            return FormatScalar(variant.Value);
        }
        var array = (Array)variant.Value;
        var text = new StringBuilder("[");
        for (var i = 0; i < array.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }
            text.Append(array.GetValue(i) is { } element ? FormatScalar(element) : "null");
        }
        text.Append(']');
        if (variant.ArrayDimensions is { } dimensions)
        {
            text.Append(" dims=").Append(string.Join("x", dimensions));
        }
        return text.ToString();
    }

    public static string FormatScalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        StatusCode s => s.Name,
        DataValue dv => $"{{{Format(dv.Value)} {dv.StatusCode}}}",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
