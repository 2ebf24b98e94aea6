using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Describes an OPC UA application (Part 4, 7.2).</summary>
public sealed class ApplicationDescription : IEncodeable<ApplicationDescription>
{
    public static uint BinaryEncodingId => 310;

    public string? ApplicationUri { get; init; }

    public string? ProductUri { get; init; }

    public LocalizedText ApplicationName { get; init; }

    public ApplicationType ApplicationType { get; init; }

    public string? GatewayServerUri { get; init; }

    public string? DiscoveryProfileUri { get; init; }

    public string?[] DiscoveryUrls { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteString(ApplicationUri);
        encoder.WriteString(ProductUri);
        encoder.WriteLocalizedText(ApplicationName);
        encoder.WriteInt32((int)ApplicationType);
        encoder.WriteString(GatewayServerUri);
        encoder.WriteString(DiscoveryProfileUri);
        encoder.WriteArray(DiscoveryUrls, static (e, v) => e.WriteString(v));
    }

    public static ApplicationDescription Decode(BinaryDecoder decoder) => new()
    {
        ApplicationUri = decoder.ReadString(),
        ProductUri = decoder.ReadString(),
        ApplicationName = decoder.ReadLocalizedText(),
        ApplicationType = (ApplicationType)decoder.ReadInt32(),
        GatewayServerUri = decoder.ReadString(),
        DiscoveryProfileUri = decoder.ReadString(),
        DiscoveryUrls = decoder.ReadArray(static d => d.ReadString()) ?? [],
    };
}
