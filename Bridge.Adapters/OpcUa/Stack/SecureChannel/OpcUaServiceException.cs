using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.SecureChannel;

/// <summary>A service returned a bad service result (in its response header or as a ServiceFault).</summary>
public sealed class OpcUaServiceException(string service, StatusCode statusCode)
    : OpcUaException(statusCode, $"{service} failed")
{
    public string Service { get; } = service;
}
