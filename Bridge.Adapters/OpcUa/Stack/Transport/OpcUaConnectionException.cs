using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>The connection could not be made, was refused with an Error message, or broke.</summary>
public sealed class OpcUaConnectionException(StatusCode statusCode, string message, Exception? inner = null)
    : OpcUaException(statusCode, message, inner);
