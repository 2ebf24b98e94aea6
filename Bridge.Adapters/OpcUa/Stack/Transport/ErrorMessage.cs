using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>The Error message a peer sends before it closes the connection (Part 6, 7.1.2.5); also the body of an abort chunk.</summary>
internal sealed record ErrorMessage(StatusCode Error, string? Reason)
{
    public static ErrorMessage Decode(ReadOnlyMemory<byte> body)
    {
        var decoder = new BinaryDecoder(body, new DecodingLimits { MaxStringLength = 4096 });
        return new ErrorMessage(decoder.ReadStatusCode(), decoder.ReadString());
    }
}
