using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Common parameters of every service response (Part 4, 7.34).</summary>
public sealed class ResponseHeader : IEncodeable<ResponseHeader>
{
    public static uint BinaryEncodingId => 394;

    public DateTime Timestamp { get; init; }

    public uint RequestHandle { get; init; }

    public StatusCode ServiceResult { get; init; }

    public DiagnosticInfo? ServiceDiagnostics { get; init; }

    public string?[] StringTable { get; init; } = [];

    public ExtensionObject AdditionalHeader { get; init; } = ExtensionObject.Null;

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteDateTime(Timestamp);
        encoder.WriteUInt32(RequestHandle);
        encoder.WriteStatusCode(ServiceResult);
        encoder.WriteDiagnosticInfo(ServiceDiagnostics);
        encoder.WriteArray(StringTable, static (e, v) => e.WriteString(v));
        encoder.WriteExtensionObject(AdditionalHeader);
    }

    public static ResponseHeader Decode(BinaryDecoder decoder) => new()
    {
        Timestamp = decoder.ReadDateTime(),
        RequestHandle = decoder.ReadUInt32(),
        ServiceResult = decoder.ReadStatusCode(),
        ServiceDiagnostics = decoder.ReadDiagnosticInfo(),
        StringTable = decoder.ReadArray(static d => d.ReadString()) ?? [],
        AdditionalHeader = decoder.ReadExtensionObject(),
    };
}
