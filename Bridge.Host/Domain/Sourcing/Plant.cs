namespace Bridge.Host.Domain.Sourcing;

/// <summary>A plant: its site, its own owner(s), and the other owners (consignment, 货主) whose stock it may use.</summary>
public sealed record Plant(string Id, string Site, IReadOnlyList<string> Owners, IReadOnlyList<string> MayUseOwners)
{
    public bool MayUse(string owner) => Owners.Contains(owner, StringComparer.Ordinal) || MayUseOwners.Contains(owner, StringComparer.Ordinal);
}
