using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The outcome of transferring one subscription (Part 4, 5.13.7).</summary>
public sealed class TransferResult : IEncodeable<TransferResult>
{
    public static uint BinaryEncodingId => 838;

    public StatusCode StatusCode { get; init; }

    public uint[] AvailableSequenceNumbers { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteStatusCode(StatusCode);
        encoder.WriteArray(AvailableSequenceNumbers, static (e, v) => e.WriteUInt32(v));
    }

    public static TransferResult Decode(BinaryDecoder decoder) => new()
    {
        StatusCode = decoder.ReadStatusCode(),
        AvailableSequenceNumbers = decoder.ReadArray(static d => d.ReadUInt32()) ?? [],
    };
}
