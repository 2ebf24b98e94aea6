namespace Bridge.Host.Domain.Boms;

/// <summary>
/// One summed requirement of an exact explosion (<see cref="BomCatalog.ExplodeExact"/>); <see cref="RoundedByEngine"/>
/// when the engine's decimal explosion (<see cref="BomCatalog.Explode"/>) gives it otherwise.
/// </summary>
public sealed record ExactMaterialLine(string Material, ExactDecimal Quantity, string Unit, bool RoundedByEngine);
