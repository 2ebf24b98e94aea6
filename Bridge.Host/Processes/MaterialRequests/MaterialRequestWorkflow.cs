using Bridge.Contracts.Messages;
using Bridge.Contracts.Model;
using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Stock;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// The domain steps of a material request, kept out of the state machine so the machine reads as the process:
/// resolve requirements, reserve (or report the shortage), build pick orders and the delivery report.
/// </summary>
public sealed class MaterialRequestWorkflow(
    IProductionOrderStore orders,
    IStockView stock,
    IKitWaitRegistry waits,
    IOptions<MaterialRequestSettings> settings,
    TimeProvider time,
    IUnitConverter? units = null)
{
    public const string BridgeSource = "bridge";

    public async Task PlanAsync(MaterialRequestState state, MaterialRequested request, CancellationToken ct)
    {
        state.RequestId = request.RequestId;
        state.OrderId = request.OrderId;
        state.Location = request.Location;
        state.Line = request.Line;
        state.Requester = request.Source;
        state.OrderQuantity = request.OrderQuantity;
        state.CreatedAt = time.GetUtcNow();
        Record(state, "requested", $"order {request.OrderId} to {request.Location} from {request.Source}");

        if (request.Lines.Count > 0)
        {
            state.Required = request.Lines.ToList();
            return;
        }

        await ExplodeAsync(state, ct);
    }

    /// <summary>
    /// Requirements from the order's BOM. An order Bridge has not received yet is waited for (ERP and MES talk to
    /// Bridge independently, so the request can overtake the order); an order without BOM lines fails the request.
    /// </summary>
    public async Task ExplodeAsync(MaterialRequestState state, CancellationToken ct)
    {
        var order = await orders.FindAsync(state.OrderId, ct);
        if (order is null)
        {
            if (!state.AwaitingOrder)
            {
                state.AwaitingOrder = true;
                Record(state, "waiting-for-order", $"production order {state.OrderId} has not been received yet");
            }

            return;
        }

        state.AwaitingOrder = false;
        if (order.Bom.Count == 0)
        {
            state.FailureReason = $"production order {state.OrderId} has no BOM lines to explode";
            return;
        }

        try
        {
            state.Required = BomExplosion.Explode(order.Bom, state.OrderQuantity ?? order.Quantity).ToList();
            Record(state, "exploded", $"{state.Required.Count} material(s) for {state.OrderQuantity ?? order.Quantity} {order.Unit} of {order.Material}");
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            state.FailureReason = $"cannot explode the BOM of order {state.OrderId}: {ex.Message}";
        }
    }

    /// <summary>The wait-registry key a request waiting for its production order is filed under.</summary>
    public static string OrderWaitKey(string orderId) => "order:" + orderId;

    public Task WaitForOrderAsync(MaterialRequestState state, CancellationToken ct) =>
        waits.WaitAsync(state.CorrelationId, [OrderWaitKey(state.OrderId)], ct);

    /// <summary>Reserves the whole kit or nothing. On success the pick orders are planned; otherwise the shortage is recorded.</summary>
    public async Task<bool> TryReserveAsync(MaterialRequestState state, CancellationToken ct)
    {
        var order = await orders.FindAsync(state.OrderId, ct);
        var preferred = order is not null && settings.Value.PlantWarehouses.TryGetValue(order.Plant, out var own)
            ? own.ToHashSet(StringComparer.Ordinal)
            : [];

        var allocation = await stock.ReserveAsync(state.RequestId, state.Required, preferred, ct);
        if (allocation is null)
        {
            var available = await stock.GetAvailableAsync(state.Required.Select(r => r.Material).ToList(), ct);
            var kit = KitCalculator.Check(state.Required, available, units);
            state.LastKit = kit.Lines.ToList();
            Record(state, "short", string.Join(", ", kit.Shortages.Select(s => $"{s.Material} short {s.Shortage} {s.Unit}")));
            return false;
        }

        state.LastKit = [];
        state.Picks = allocation
            .GroupBy(line => line.Warehouse ?? "", StringComparer.Ordinal)
            .Select((group, index) => new PickOrderTrack
            {
                PickOrderId = MaterialRequestIds.PickOrderId(state.CorrelationId, index),
                Warehouse = group.Key,
                Lines = group.ToList(),
            })
            .ToList();
        Record(state, "reserved", string.Join("; ", state.Picks.Select(p => $"{p.Warehouse}: {p.Lines.Count} line(s)")));
        return true;
    }

    public Task WaitForStockAsync(MaterialRequestState state, CancellationToken ct) =>
        waits.WaitAsync(state.CorrelationId, state.LastKit.Where(l => l.Shortage > 0m).Select(l => l.Material).ToList(), ct);

    public Task StopWaitingAsync(MaterialRequestState state, CancellationToken ct) => waits.RemoveAsync(state.CorrelationId, ct);

    public async Task ReleaseAsync(MaterialRequestState state, string step, string detail, CancellationToken ct)
    {
        await stock.ReleaseAsync(state.RequestId, ct);
        Record(state, step, detail);
    }

    public void Fail(MaterialRequestState state, string step, string reason)
    {
        state.FailureReason ??= reason;
        Record(state, step, reason);
    }

    public KitChecked KitChecked(MaterialRequestState state)
    {
        var kit = new KitResult(state.LastKit);
        return new KitChecked
        {
            MessageId = NewId.NextGuid(),
            CorrelationId = state.RequestId,
            Source = BridgeSource,
            OccurredAt = time.GetUtcNow(),
            OrderId = state.OrderId,
            RequestId = state.RequestId,
            Complete = kit.Complete,
            KitRate = kit.KitRate,
            Lines = state.LastKit,
        };
    }

    public IEnumerable<PickOrderIssued> PickOrders(MaterialRequestState state) =>
        state.Picks.Select(pick => new PickOrderIssued
        {
            MessageId = NewId.NextGuid(),
            CorrelationId = state.RequestId,
            Source = BridgeSource,
            OccurredAt = time.GetUtcNow(),
            PickOrderId = pick.PickOrderId,
            RequestId = state.RequestId,
            OrderId = state.OrderId,
            Warehouse = pick.Warehouse,
            Destination = state.Location,
            Lines = pick.Lines,
        });

    /// <summary>Records a confirmation; true when every pick order of the request is confirmed.</summary>
    public bool Confirm(MaterialRequestState state, PickConfirmed confirmation)
    {
        var pick = state.Picks.FirstOrDefault(p => p.PickOrderId == confirmation.PickOrderId);
        if (pick is null)
        {
            Record(state, "ignored", $"confirmation for unknown pick order {confirmation.PickOrderId}");
            return false;
        }

        pick.Confirmed = true;
        pick.ConfirmedLines = confirmation.Lines.ToList();
        Record(state, "confirmed", $"{pick.PickOrderId}: {confirmation.Lines.Count} line(s)");
        return state.Picks.All(p => p.Confirmed);
    }

    public MaterialDelivered Delivered(MaterialRequestState state) => new()
    {
        MessageId = NewId.NextGuid(),
        CorrelationId = state.RequestId,
        Source = BridgeSource,
        OccurredAt = time.GetUtcNow(),
        RequestId = state.RequestId,
        OrderId = state.OrderId,
        Location = state.Location,
        Lines = state.Picks.SelectMany(p => p.ConfirmedLines).ToList(),
    };

    public void Record(MaterialRequestState state, string step, string detail)
    {
        var now = time.GetUtcNow();
        state.UpdatedAt = now;
        state.History.Add(new MaterialRequestStep(now, step, state.CurrentState, detail));
    }
}
