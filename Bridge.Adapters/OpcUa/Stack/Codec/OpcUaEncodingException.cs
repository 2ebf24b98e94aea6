namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>A value cannot be written in OPC UA Binary (wrong .NET type for its built-in type, too large).</summary>
public sealed class OpcUaEncodingException(string message)
    : OpcUaException(new StatusCode(StatusCodes.BadEncodingError), message);
