namespace Bridge.Mappings;

/// <summary>An outbound call in the target system's dialect; <see cref="PathAndQuery"/> is relative to the system's base URL.</summary>
public sealed record OutboundRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string ContentType, byte[] Body);
