using Bridge.Contracts.Model;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>What resolving a request's requirements came to: the lines, an order Bridge does not know yet, or a reason to reject.</summary>
public abstract record RequirementsOutcome
{
    private RequirementsOutcome()
    {
    }

    public sealed record Resolved(IReadOnlyList<MaterialLine> Lines) : RequirementsOutcome;

    /// <summary>The production order has not reached Bridge (ERP and MES post independently); wait for it.</summary>
    public sealed record OrderUnknown(string OrderId) : RequirementsOutcome;

    public sealed record Rejected(string Reason) : RequirementsOutcome;
}
