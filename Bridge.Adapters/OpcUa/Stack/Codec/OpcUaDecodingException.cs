namespace Bridge.Adapters.OpcUa.Stack.Codec;

/// <summary>The bytes do not form a valid OPC UA Binary encoding, or exceed the decoding limits.</summary>
public sealed class OpcUaDecodingException(string message, uint statusCode = StatusCodes.BadDecodingError)
    : OpcUaException(new StatusCode(statusCode), message);
