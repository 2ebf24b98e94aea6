using Bridge.Adapters.Envelopes;

namespace Bridge.Adapters.Http;

/// <summary>An HTTP exchange failed for good (after retries), or an inbound body was not acceptable.</summary>
public sealed class HttpAdapterException(string message, int? statusCode = null, Exception? inner = null)
    : EnvelopeDeliveryException(message, statusCode is >= 400 and < 500 and not (408 or 429), inner)
{
    public int? StatusCode { get; } = statusCode;
}
