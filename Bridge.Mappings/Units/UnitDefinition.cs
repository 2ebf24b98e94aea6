namespace Bridge.Mappings.Units;

/// <summary>A unit of a dimension (mass, length, count…) and its factor to the dimension's base unit.</summary>
internal sealed record UnitDefinition(string Code, string Dimension, decimal Factor);
