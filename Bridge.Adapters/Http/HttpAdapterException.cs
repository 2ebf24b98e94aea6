using Bridge.Adapters.Envelopes;

namespace Bridge.Adapters.Http;

/// <summary>An HTTP exchange failed for good (after retries), an envelope could not be sent as it is, or an inbound body was not acceptable.</summary>
public sealed class HttpAdapterException : EnvelopeDeliveryException
{
    public HttpAdapterException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, statusCode is >= 400 and < 500 and not (408 or 429), inner) => StatusCode = statusCode;

    private HttpAdapterException(string message, bool permanent, Exception? inner)
        : base(message, permanent, inner)
    {
    }

    public int? StatusCode { get; }

    /// <summary>The envelope cannot be sent as it is (an unsafe header, an address outside the base URL): sending again cannot help.</summary>
    public static HttpAdapterException Refused(string message, Exception? inner = null) => new(message, permanent: true, inner);
}
