namespace Bridge.Host.Domain.Sourcing;

/// <summary>How one required line is covered: the quantities taken, the reason for each warehouse, what is short and where more could come from.</summary>
public sealed record SourcingDecision(
    string Material,
    decimal Required,
    string Unit,
    IReadOnlyList<SourcedQuantity> Sourced,
    IReadOnlyList<string> Reasons,
    decimal Shortage,
    IReadOnlyList<PossibleSource> CouldComeFrom)
{
    public bool Covered => Shortage == 0m;
}
