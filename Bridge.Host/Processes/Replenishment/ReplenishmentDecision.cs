using Bridge.Contracts.Messages;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>What <see cref="ReplenishmentPlanner"/> decided for a low level.</summary>
public abstract record ReplenishmentDecision
{
    private ReplenishmentDecision() { }

    public sealed record Request(ReplenishmentRequested Message) : ReplenishmentDecision;

    /// <summary>Nothing to request (the level is not low after all, the location is not configured, no card is free).</summary>
    public sealed record Hold(string Reason) : ReplenishmentDecision;
}
