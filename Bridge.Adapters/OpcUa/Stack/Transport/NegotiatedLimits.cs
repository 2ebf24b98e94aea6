namespace Bridge.Adapters.OpcUa.Stack.Transport;

/// <summary>The sizes both sides agreed on after Hello / Acknowledge. Zero means "no limit".</summary>
public sealed record NegotiatedLimits(
    uint SendChunkSize,
    uint ReceiveChunkSize,
    uint MaxSendMessageSize,
    uint MaxSendChunkCount,
    uint MaxReceiveMessageSize,
    uint MaxReceiveChunkCount);
