using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A notification message or keep-alive of one subscription (Part 4, 5.13.5).</summary>
public sealed class PublishResponse : IEncodeable<PublishResponse>, IServiceResponse
{
    public static uint BinaryEncodingId => 829;

    public ResponseHeader ResponseHeader { get; init; } = new();

    public uint SubscriptionId { get; init; }

    public uint[] AvailableSequenceNumbers { get; init; } = [];

    public bool MoreNotifications { get; init; }

    public NotificationMessage NotificationMessage { get; init; } = new();

    public StatusCode[] Results { get; init; } = [];

    public DiagnosticInfo?[] DiagnosticInfos { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        ResponseHeader.Encode(encoder);
        encoder.WriteUInt32(SubscriptionId);
        encoder.WriteArray(AvailableSequenceNumbers, static (e, v) => e.WriteUInt32(v));
        encoder.WriteBoolean(MoreNotifications);
        NotificationMessage.Encode(encoder);
        encoder.WriteArray(Results, static (e, v) => e.WriteStatusCode(v));
        encoder.WriteArray(DiagnosticInfos, static (e, v) => e.WriteDiagnosticInfo(v));
    }

    public static PublishResponse Decode(BinaryDecoder decoder) => new()
    {
        ResponseHeader = ResponseHeader.Decode(decoder),
        SubscriptionId = decoder.ReadUInt32(),
        AvailableSequenceNumbers = decoder.ReadArray(static d => d.ReadUInt32()) ?? [],
        MoreNotifications = decoder.ReadBoolean(),
        NotificationMessage = NotificationMessage.Decode(decoder),
        Results = decoder.ReadArray(static d => d.ReadStatusCode()) ?? [],
        DiagnosticInfos = decoder.ReadArray(static d => d.ReadDiagnosticInfo()) ?? [],
    };
}
