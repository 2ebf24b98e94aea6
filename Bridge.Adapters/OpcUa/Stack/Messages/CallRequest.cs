using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Calls methods (Part 4, 5.11.2).</summary>
public sealed class CallRequest : IEncodeable<CallRequest>, IServiceRequest
{
    public static uint BinaryEncodingId => 712;

    public RequestHeader RequestHeader { get; set; } = new();

    public CallMethodRequest[] MethodsToCall { get; init; } = [];

    public void Encode(BinaryEncoder encoder)
    {
        RequestHeader.Encode(encoder);
        encoder.WriteEncodeableArray(MethodsToCall);
    }

    public static CallRequest Decode(BinaryDecoder decoder) => new()
    {
        RequestHeader = RequestHeader.Decode(decoder),
        MethodsToCall = decoder.ReadEncodeableArray<CallMethodRequest>(),
    };
}
