using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Processes.Projections;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// A request's requirements: its explicit lines, or its production order's BOM exploded for the requested quantity.
/// Quantities that cannot be worked with (zero, negative, too large) reject the request with a reason.
/// </summary>
public sealed class RequirementsResolver(RequestOrder requestOrder, MaterialRequestJournal journal, IUnitConverter? units = null)
{
    private readonly IUnitConverter _units = units ?? StandardUnitConverter.Instance;

    public async Task<RequirementsOutcome> ResolveAsync(MaterialRequestState state, CancellationToken ct)
    {
        var onFile = await requestOrder.ReadAsync(state.OrderId, ct);
        if (onFile.Cancelled)
        {
            return new RequirementsOutcome.Rejected($"production order {state.OrderId} was cancelled");
        }

        if (state.Required.Count > 0)
        {
            return Checked(state);
        }

        var order = onFile.Order;
        if (order is null)
        {
            journal.Record(state, "waiting-for-order", $"production order {state.OrderId} has not been received yet");
            return new RequirementsOutcome.OrderUnknown(state.OrderId);
        }

        if (order.Bom.Count == 0)
        {
            return new RequirementsOutcome.Rejected($"production order {state.OrderId} has no BOM lines to explode");
        }

        var quantity = state.OrderQuantity ?? order.Quantity;
        try
        {
            state.Required = BomExplosion.Explode(order.Bom, quantity).ToList();
        }
        catch (KitQuantityException e)
        {
            return new RequirementsOutcome.Rejected($"cannot explode the BOM of order {state.OrderId}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return new RequirementsOutcome.Rejected($"cannot explode the BOM of order {state.OrderId}: {e.Message}");
        }

        journal.Record(state, "exploded", $"{state.Required.Count} material(s) for {quantity} {order.Unit} of {order.Material}");
        return Checked(state);
    }

    private RequirementsOutcome Checked(MaterialRequestState state)
    {
        try
        {
            RequirementMerger.Merge(state.Required, _units);
            return new RequirementsOutcome.Resolved(state.Required);
        }
        catch (KitQuantityException e)
        {
            return new RequirementsOutcome.Rejected(e.Message);
        }
    }
}
