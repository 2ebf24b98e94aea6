using MassTransit;

namespace Bridge.Host.Processes.Transfers.Messages;

/// <summary>
/// Internal: the material request no longer needs transfer <paramref name="TransferOrderId"/> (its order was cancelled,
/// or changed while the transfer was on its way). The request sends one per transfer it ordered that has not ended; the
/// transfer saga cancels it at the TMS unless it was already delivered, failed or cancelled.
/// </summary>
[MessageUrn("bridge:internal:TransferCancellationRequested:v2", false)]
[EntityName("bridge.internal.transfer-cancellation-requested")]
public sealed record TransferCancellationRequested(string TransferOrderId, string RequestId, string OrderId, string Reason);
