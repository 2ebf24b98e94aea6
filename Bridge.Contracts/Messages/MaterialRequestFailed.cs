using Bridge.Contracts.Model;
using MassTransit;

namespace Bridge.Contracts.Messages;

/// <summary>bus → MES: the material request ended without a delivery (rejected, timed out, failed or cancelled) and why.</summary>
[MessageUrn("bridge:MaterialRequestFailed:v1", false)]
[EntityName("bridge.material-request-failed")]
public sealed record MaterialRequestFailed : CanonicalMessage
{
    public required string RequestId { get; init; }
    public required string OrderId { get; init; }
    /// <summary>The state the request ended in: <c>Rejected</c>, <c>TimedOut</c>, <c>Failed</c> or <c>Cancelled</c> (its production order was).</summary>
    public required string State { get; init; }
    public required string Reason { get; init; }
    /// <summary>What was short at the last kit check, when the request waited for stock.</summary>
    public IReadOnlyList<KitLine> Shortages { get; init; } = [];
}
