using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>The host and port of an <c>opc.tcp://host[:port][/path]</c> endpoint URL (default port 4840).</summary>
public sealed record OpcTcpAddress(string Host, int Port, string Url)
{
    public static OpcTcpAddress Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.Equals(uri.Scheme, "opc.tcp", StringComparison.OrdinalIgnoreCase))
        {
            throw new OpcUaConnectionException(new StatusCode(StatusCodes.BadTcpEndpointUrlInvalid), $"'{url}' is not an opc.tcp:// URL");
        }
        return new OpcTcpAddress(uri.Host, uri.Port > 0 ? uri.Port : 4840, url);
    }
}
