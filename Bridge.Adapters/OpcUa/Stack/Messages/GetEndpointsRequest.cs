using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Asks a server for its endpoints (Part 4, 5.4.4).</summary>
public sealed class GetEndpointsRequest : IEncodeable<GetEndpointsRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 428;

    public RequestHeader RequestHeader { get; set; } = new();

    public string? EndpointUrl { get; init; }

    public string?[] LocaleIds { get; init; } = [];

    public string?[] ProfileUris { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteString(EndpointUrl);
        encoder.WriteArray(LocaleIds, static (e, v) => e.WriteString(v));
        encoder.WriteArray(ProfileUris, static (e, v) => e.WriteString(v));
    }

    public static GetEndpointsRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        EndpointUrl = decoder.ReadString(),
        LocaleIds = decoder.ReadArray(static d => d.ReadString()) ?? [],
        ProfileUris = decoder.ReadArray(static d => d.ReadString()) ?? [],
    };
}
