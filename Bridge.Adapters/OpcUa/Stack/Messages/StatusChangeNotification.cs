using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>A change of a subscription's status, such as a timeout (Part 4, 7.25.4).</summary>
public sealed class StatusChangeNotification : IEncodeable<StatusChangeNotification>
{
    public static uint BinaryEncodingId => 820;

    public StatusCode Status { get; init; }

    public DiagnosticInfo? DiagnosticInfo { get; init; }

    public void Encode(BinaryEncoder encoder)
    {
        encoder.WriteStatusCode(Status);
        encoder.WriteDiagnosticInfo(DiagnosticInfo);
    }

    public static StatusChangeNotification Decode(BinaryDecoder decoder) => new()
    {
        Status = decoder.ReadStatusCode(),
        DiagnosticInfo = decoder.ReadDiagnosticInfo(),
    };
}
