using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>The client's opening message (Part 6, 7.1.2.3).</summary>
internal sealed record HelloMessage(uint ProtocolVersion, TransportLimits Limits, string EndpointUrl)
{
    public byte[] ToChunk()
    {
        var encoder = new BinaryEncoder(64 + EndpointUrl.Length * 3);
        encoder.WriteUInt32(MessageTypes.Hello | ((uint)MessageTypes.Final << 24));
        encoder.WriteUInt32(0);
        encoder.WriteUInt32(ProtocolVersion);
        encoder.WriteUInt32(Limits.ReceiveBufferSize);
        encoder.WriteUInt32(Limits.SendBufferSize);
        encoder.WriteUInt32(Limits.MaxMessageSize);
        encoder.WriteUInt32(Limits.MaxChunkCount);
        encoder.WriteString(EndpointUrl);
        encoder.PatchUInt32(4, (uint)encoder.Position);
        return encoder.ToArray();
    }
}
