using System.Globalization;

namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>
/// Identifies a node in a server's address space: a namespace index plus a numeric, string, GUID or opaque identifier.
/// Text form as in Part 6, 5.3.1.10: <c>ns=2;i=15</c>, <c>ns=1;s=Line1.Counter</c>, <c>g=…</c>, <c>b=base64</c>.
/// </summary>
public sealed class NodeId : IEquatable<NodeId>
{
    public static readonly NodeId Null = new(0u);

    private readonly object identifier;

    public NodeId(uint value, ushort namespaceIndex = 0) : this(NodeIdType.Numeric, value, namespaceIndex) { }

    public NodeId(string value, ushort namespaceIndex = 0) : this(NodeIdType.String, value, namespaceIndex) { }

    public NodeId(Guid value, ushort namespaceIndex = 0) : this(NodeIdType.Guid, value, namespaceIndex) { }

    public NodeId(byte[] value, ushort namespaceIndex = 0) : this(NodeIdType.Opaque, value, namespaceIndex) { }

    private NodeId(NodeIdType type, object value, ushort namespaceIndex)
    {
        IdType = type;
        identifier = value;
        NamespaceIndex = namespaceIndex;
    }

    public ushort NamespaceIndex { get; }

    public NodeIdType IdType { get; }

    /// <summary>uint, string, Guid or byte[] according to <see cref="IdType"/>.</summary>
    public object Identifier => identifier;

    public uint NumericId => identifier is uint n ? n : throw new InvalidOperationException($"{this} is not numeric.");

    public bool IsNull => IdType switch
    {
        NodeIdType.Numeric => (uint)identifier == 0 && NamespaceIndex == 0,
        NodeIdType.String => string.IsNullOrEmpty((string)identifier) && NamespaceIndex == 0,
        NodeIdType.Guid => (Guid)identifier == Guid.Empty && NamespaceIndex == 0,
        _ => ((byte[])identifier).Length == 0 && NamespaceIndex == 0,
    };

    public static NodeId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException($"'{text}' is not a NodeId: {error}");

    public static bool TryParse(string? text, out NodeId nodeId, out string error)
    {
        nodeId = Null;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "empty";
            return false;
        }
        ushort ns = 0;
        var rest = text.AsSpan().Trim();
        if (rest.StartsWith("ns=", StringComparison.Ordinal))
        {
            var semi = rest.IndexOf(';');
            if (semi < 0 || !ushort.TryParse(rest[3..semi], NumberStyles.None, CultureInfo.InvariantCulture, out ns))
            {
                error = "expected ns=<0..65535>; before the identifier";
                return false;
            }
            rest = rest[(semi + 1)..];
        }
        if (rest.Length < 2 || rest[1] != '=')
        {
            error = "expected i=, s=, g= or b= after the namespace";
            return false;
        }
        var value = rest[2..];
        switch (rest[0])
        {
            case 'i' when uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n):
                nodeId = new NodeId(n, ns);
                return true;
            case 's':
                nodeId = new NodeId(value.ToString(), ns);
                return true;
            case 'g' when Guid.TryParse(value, out var g):
                nodeId = new NodeId(g, ns);
                return true;
            case 'b':
                try
                {
                    nodeId = new NodeId(Convert.FromBase64String(value.ToString()), ns);
                    return true;
                }
                catch (FormatException)
                {
                    error = "b= needs base64";
                    return false;
                }
            default:
                error = $"'{rest[0]}={value}' is not a valid identifier (i=<uint32>, s=<text>, g=<guid>, b=<base64>)";
                return false;
        }
    }

    public override string ToString()
    {
        var prefix = NamespaceIndex == 0 ? "" : $"ns={NamespaceIndex.ToString(CultureInfo.InvariantCulture)};";
        return prefix + IdType switch
        {
            NodeIdType.Numeric => "i=" + ((uint)identifier).ToString(CultureInfo.InvariantCulture),
            NodeIdType.String => "s=" + (string)identifier,
            NodeIdType.Guid => "g=" + ((Guid)identifier).ToString("D"),
            _ => "b=" + Convert.ToBase64String((byte[])identifier),
        };
    }

    public bool Equals(NodeId? other) =>
        other is not null && NamespaceIndex == other.NamespaceIndex && IdType == other.IdType && IdType switch
        {
            NodeIdType.Opaque => ((byte[])identifier).AsSpan().SequenceEqual((byte[])other.identifier),
            _ => identifier.Equals(other.identifier),
        };

    public override bool Equals(object? obj) => Equals(obj as NodeId);

    public override int GetHashCode()
    {
        if (identifier is byte[] bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return HashCode.Combine(NamespaceIndex, hash.ToHashCode());
        }
        return HashCode.Combine(NamespaceIndex, identifier);
    }

    public static bool operator ==(NodeId? left, NodeId? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(NodeId? left, NodeId? right) => !(left == right);

    public static implicit operator NodeId(uint value) => new(value);
}
