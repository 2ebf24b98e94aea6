namespace Bridge.Adapters.Http.Requests;

/// <summary>An outbound HTTP request as the mapping layer rendered it.</summary>
public sealed record HttpOutboundCall(
    string Method,
    Uri Url,
    IReadOnlyDictionary<string, string> Headers,
    string ContentType,
    ReadOnlyMemory<byte> Body);
