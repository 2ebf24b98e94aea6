using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Common parameters of every service request (Part 4, 7.33).</summary>
public sealed class RequestHeader : IEncodeable<RequestHeader>
{
    public static uint BinaryEncodingId => 391;

    public NodeId AuthenticationToken { get; set; } = Codec.NodeId.Null;

    public DateTime Timestamp { get; set; }

    public uint RequestHandle { get; set; }

    public uint ReturnDiagnostics { get; set; }

    public string? AuditEntryId { get; set; }

    public uint TimeoutHint { get; set; }

    public ExtensionObject AdditionalHeader { get; set; } = ExtensionObject.Null;

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteNodeId(AuthenticationToken);
        encoder.WriteDateTime(Timestamp);
        encoder.WriteUInt32(RequestHandle);
        encoder.WriteUInt32(ReturnDiagnostics);
        encoder.WriteString(AuditEntryId);
        encoder.WriteUInt32(TimeoutHint);
        encoder.WriteExtensionObject(AdditionalHeader);
    }

    public static RequestHeader Decode(BinaryDecoder decoder) => new()
    {
        AuthenticationToken = decoder.ReadNodeId(),
        Timestamp = decoder.ReadDateTime(),
        RequestHandle = decoder.ReadUInt32(),
        ReturnDiagnostics = decoder.ReadUInt32(),
        AuditEntryId = decoder.ReadString(),
        TimeoutHint = decoder.ReadUInt32(),
        AdditionalHeader = decoder.ReadExtensionObject(),
    };
}
