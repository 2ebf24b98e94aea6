namespace Bridge.Host.Domain.Boms;

/// <summary>One summed requirement of an exact explosion (<see cref="BomCatalog.ExplodeExact"/>).</summary>
public sealed record ExactMaterialLine(string Material, ExactDecimal Quantity, string Unit);
