namespace Bridge.Adapters.Http;

/// <summary>An HTTP exchange failed for good (after retries), or an inbound body was not acceptable.</summary>
public sealed class HttpAdapterException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
