using System.Buffers;
using System.Text.Json;
using System.Xml.Linq;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Output;

/// <summary>Writes an outbound body as JSON. Missing values are left out; decimals keep their scale.</summary>
internal static class JsonBodyWriter
{
    public static byte[] Write(OutNode body, EvalContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteNode(writer, body, context, "body");
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNode(Utf8JsonWriter writer, OutNode node, EvalContext context, string field)
    {
        switch (node)
        {
            case OutValue value:
                WriteValue(writer, OutEvaluator.Value(value, context, field));
                break;
            case OutObject obj:
                writer.WriteStartObject();
                foreach (var member in obj.Members)
                {
                    var memberField = field + "." + member.Name;
                    if (member is OutValue v)
                    {
                        var result = OutEvaluator.Value(v, context, memberField);
                        if (result is null) continue;
                        writer.WritePropertyName(member.Name);
                        WriteValue(writer, result);
                        continue;
                    }
                    writer.WritePropertyName(member.Name);
                    WriteNode(writer, member, context, memberField);
                }
                writer.WriteEndObject();
                break;
            case OutEach each:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in OutEvaluator.Items(each, context, field))
                {
                    WriteNode(writer, each.Item, item, $"{field}[{index++}]");
                }
                writer.WriteEndArray();
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case JsonElement json:
                json.WriteTo(writer);
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            case XElement or XAttribute:
            default:
                writer.WriteStringValue(Values.ToText(value));
                break;
        }
    }
}
