using MassTransit;

namespace Bridge.Host.Processes.MaterialRequests.Messages;

/// <summary>
/// Internal: a material request was cancelled; every open transfer made for it should be cancelled at the TMS and end.
/// Published on every cancellation (the transfer saga matches it by request id; a request without transfers has none
/// to match). The seam between the material request and the transfer process.
/// </summary>
[MessageUrn("bridge:internal:TransferCancellationRequested:v1", false)]
[EntityName("bridge.internal.transfer-cancellation-requested")]
public sealed record TransferCancellationRequested(string RequestId, string OrderId, string Reason);
