using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;

namespace Bridge.Adapters.OpcUa.Stack.Client;

/// <summary>Finds the built-in type to write: the current value's type, else the DataType attribute when it is a built-in type.</summary>
public static class NodeDataTypes
{
    public static async Task<(BuiltInType Type, bool IsArray)> OfAsync(OpcUaClient client, NodeId node, CancellationToken ct)
    {
        var read = await client.ReadAsync(
            [
                new ReadValueId { NodeId = node, AttributeId = Attributes.Value },
                new ReadValueId { NodeId = node, AttributeId = Attributes.DataType },
                new ReadValueId { NodeId = node, AttributeId = Attributes.ValueRank },
            ], TimestampsToReturn.Neither, ct).ConfigureAwait(false);
        if (read[0].StatusCode.IsBad && read[1].StatusCode.IsBad)
        {
            throw new OpcUaException(read[0].StatusCode, $"Cannot read {node}");
        }
        if (!read[0].Value.IsNull)
        {
            return (read[0].Value.Type, read[0].Value.IsArray);
        }
        var rank = read[2].Value.Value is int r ? r : -1;
        if (read[1].Value.Value is NodeId { NamespaceIndex: 0, IdType: NodeIdType.Numeric } dataType && dataType.NumericId is >= 1 and <= 25)
        {
            return ((BuiltInType)dataType.NumericId, rank >= 1);
        }
        throw new OpcUaException(new StatusCode(StatusCodes.BadTypeMismatch), $"{node} has no value and data type {read[1].Value}, which is not a built-in type");
    }

    /// <summary>Writes <paramref name="text"/> converted to the node's type (see <see cref="VariantParser"/>).</summary>
    public static async Task<(StatusCode Status, Variant Written)> WriteTextAsync(this OpcUaClient client, NodeId node, string text, CancellationToken ct)
    {
        var (type, isArray) = await OfAsync(client, node, ct).ConfigureAwait(false);
        var variant = VariantParser.Parse(type, isArray, text);
        return (await client.WriteValueAsync(node, variant, ct).ConfigureAwait(false), variant);
    }
}
