namespace Bridge.Host.Domain.Genealogy;

/// <summary>A lot's genealogy: the orders that made it, and every order, product and lot it went into, across plants.</summary>
public sealed record LotGenealogy(string Lot, IReadOnlyList<LotOrigin> ProducedBy, IReadOnlyList<LotUse> UsedIn);
