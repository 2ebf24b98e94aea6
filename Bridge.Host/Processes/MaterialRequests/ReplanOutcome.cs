using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>What an order change did to a request's plan.</summary>
public abstract record ReplanOutcome
{
    private ReplanOutcome()
    {
    }

    /// <summary>The requirements are the same (a due time or line change is recorded on the request only).</summary>
    public sealed record Unchanged : ReplanOutcome;

    /// <summary>New requirements on a request that holds no stock yet: check the kit again.</summary>
    public sealed record Revised : ReplanOutcome;

    /// <summary>
    /// A picking request re-planned: these picks are cancelled at the WMS, these new ones issued, these materials
    /// released; <paramref name="Shortage"/> is set when the difference could not be reserved.
    /// </summary>
    public sealed record Replanned(
        IReadOnlyList<PickOrderTrack> Cancelled,
        IReadOnlyList<PickOrderTrack> Issued,
        IReadOnlyList<string> Released,
        KitResult? Shortage,
        bool AllConfirmed) : ReplanOutcome;
}
