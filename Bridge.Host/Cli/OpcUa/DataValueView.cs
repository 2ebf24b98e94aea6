using System.Globalization;
using System.Text.Json;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Host.Cli.OpcUa;

/// <summary>How the CLI shows a value: type, value, status name, both timestamps.</summary>
internal sealed record DataValueView(string Node, string Type, string Value, string Status, string SourceTimestamp, string ServerTimestamp)
{
    public static DataValueView From(string node, DataValue value) => new(
        node,
        value.Value.IsNull ? "Null" : VariantParser.Describe(value.Value),
        value.Value.ToString(),
        value.StatusCode.Name,
        Format(value.SourceTimestamp),
        Format(value.ServerTimestamp));

    public string ToLine() => $"{Node}  {Type}  {Value}  {Status}  source={SourceTimestamp}  server={ServerTimestamp}";

    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["node"] = Node,
        ["type"] = Type,
        ["value"] = Value,
        ["status"] = Status,
        ["sourceTimestamp"] = SourceTimestamp,
        ["serverTimestamp"] = ServerTimestamp,
    });

    private static string Format(DateTime? time) =>
        time is { } t && t != DateTime.MinValue ? t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "-";
}
