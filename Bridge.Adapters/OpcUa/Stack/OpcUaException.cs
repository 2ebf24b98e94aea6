using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack;

/// <summary>Base of every error the OPC UA adapter raises; carries the OPC UA status code that describes it.</summary>
public class OpcUaException : Exception
{
    public OpcUaException(StatusCode statusCode, string message, Exception? inner = null)
        : base($"{message} ({statusCode})", inner) => StatusCode = statusCode;

    public StatusCode StatusCode { get; }
}
