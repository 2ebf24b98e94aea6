using Bridge.Adapters.Envelopes;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa;

/// <summary>
/// An envelope could not be written to a device. <see cref="StatusCode"/> is what the server (or the client, e.g.
/// BadNotConnected) said; <see cref="EnvelopeDeliveryException.Permanent"/> is true when writing again cannot help
/// (no such write target, a value that does not fit the node's type, a node that is not writable).
/// </summary>
public sealed class OpcUaAdapterException(string message, StatusCode? statusCode, bool permanent, Exception? inner = null)
    : EnvelopeDeliveryException(message, permanent, inner)
{
    public StatusCode? StatusCode { get; } = statusCode;
}
