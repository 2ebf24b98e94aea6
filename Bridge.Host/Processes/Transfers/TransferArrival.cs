using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.Transfers.Messages;

namespace Bridge.Host.Processes.Transfers;

/// <summary>
/// Delivered stock arrives in the stock view: it leaves its source bins, lies at the destination warehouse in a bin
/// named by the transfer order (the inbound delivery the destination WMS books), and the request's reservation now
/// holds it there. In production this runs in the transfer saga's transaction.
/// </summary>
public sealed class TransferArrival(IStockView stock, TransferJournal journal)
{
    public async Task<TransferDelivered> ArriveAsync(TransferState state, DateTimeOffset deliveredAt, CancellationToken ct)
    {
        var arrived = await stock.TransferAsync(state.RequestId, state.Lines, state.ToWarehouse, state.TransferOrderId, deliveredAt, ct);
        journal.Record(state, "arrived", arrived.Count == state.Lines.Count
            ? $"{arrived.Count} line(s) moved from {state.FromWarehouse} to {state.ToWarehouse} in the stock view"
            : $"{arrived.Count} of {state.Lines.Count} line(s) moved; request {state.RequestId} no longer held the rest at {state.FromWarehouse}");
        return new TransferDelivered(state.RequestId, state.TransferOrderId, arrived, deliveredAt);
    }
}
