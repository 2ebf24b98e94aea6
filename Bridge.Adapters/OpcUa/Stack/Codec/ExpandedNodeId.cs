using System.Globalization;

namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>A NodeId that may name its namespace by URI and live on another server (Part 6, 5.2.2.10).</summary>
public sealed record ExpandedNodeId(NodeId NodeId, string? NamespaceUri = null, uint ServerIndex = 0)
{
    public static readonly ExpandedNodeId Null = new(NodeId.Null);

    public bool IsNull => NodeId.IsNull && NamespaceUri is null && ServerIndex == 0;

    /// <summary>Parses <c>svr=1;nsu=urn:x;s=Id</c>, <c>nsu=urn:x;i=5</c> or any plain NodeId form.</summary>
    public static ExpandedNodeId Parse(string text)
    {
        uint server = 0;
        string? uri = null;
        var rest = text.Trim();
        if (rest.StartsWith("svr=", StringComparison.Ordinal))
        {
            var semi = rest.IndexOf(';', StringComparison.Ordinal);
            if (semi < 0 || !uint.TryParse(rest.AsSpan(4, semi - 4), NumberStyles.None, CultureInfo.InvariantCulture, out server))
            {
                throw new FormatException($"'{text}' is not an ExpandedNodeId: expected svr=<uint32>;");
            }
            rest = rest[(semi + 1)..];
        }
        if (rest.StartsWith("nsu=", StringComparison.Ordinal))
        {
            var semi = rest.IndexOf(';', StringComparison.Ordinal);
            if (semi < 0)
            {
                throw new FormatException($"'{text}' is not an ExpandedNodeId: expected nsu=<uri>;");
            }
            uri = Uri.UnescapeDataString(rest[4..semi]);
            rest = rest[(semi + 1)..];
        }
        return new ExpandedNodeId(NodeId.Parse(rest), uri, server);
    }

    public override string ToString()
    {
        var text = NodeId.ToString();
        if (NamespaceUri is not null)
        {
            text = $"nsu={NamespaceUri.Replace(";", "%3B", StringComparison.Ordinal)};" + text;
        }
        return ServerIndex == 0 ? text : $"svr={ServerIndex.ToString(CultureInfo.InvariantCulture)};{text}";
    }
}
