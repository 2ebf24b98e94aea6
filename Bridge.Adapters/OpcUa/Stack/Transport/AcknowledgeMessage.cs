using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>The server's answer to Hello with its own limits (Part 6, 7.1.2.4).</summary>
internal sealed record AcknowledgeMessage(uint ProtocolVersion, uint ReceiveBufferSize, uint SendBufferSize, uint MaxMessageSize, uint MaxChunkCount)
{
    public static AcknowledgeMessage Decode(ReadOnlyMemory<byte> body)
    {
        var decoder = new BinaryDecoder(body);
        return new AcknowledgeMessage(decoder.ReadUInt32(), decoder.ReadUInt32(), decoder.ReadUInt32(), decoder.ReadUInt32(), decoder.ReadUInt32());
    }
}
