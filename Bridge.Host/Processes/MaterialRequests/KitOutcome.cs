using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>What a kit check came to: reserved (with the pick orders to issue), short (of these materials), or rejected.</summary>
public abstract record KitOutcome
{
    private KitOutcome()
    {
    }

    public sealed record Reserved(IReadOnlyList<PickOrderTrack> Picks) : KitOutcome;

    public sealed record Short(KitResult Kit) : KitOutcome
    {
        public IReadOnlyList<string> Materials => Kit.Shortages.Select(l => l.Material).Distinct(StringComparer.Ordinal).ToList();
    }

    public sealed record Rejected(string Reason) : KitOutcome;
}
