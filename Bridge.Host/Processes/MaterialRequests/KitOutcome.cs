using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>What a kit check came to: reserved (with the pick orders to issue), reserved with transfers first, short (of these materials), or rejected.</summary>
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

    /// <summary>Reserved, part of it at another site: these transfer orders bring it to the plant before anything is picked.</summary>
    public sealed record Transferring(IReadOnlyList<TransferTrack> Transfers) : KitOutcome;
}
