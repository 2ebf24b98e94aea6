namespace Bridge.Mappings.Units;

/// <summary>A material-specific equivalence: one <see cref="Unit"/> of the material is <see cref="Quantity"/> <see cref="Of"/> (1 box = 50 pcs; 1 pcs = 25 g).</summary>
internal sealed record PackagingFactor(string Unit, decimal Quantity, string Of);
