namespace Bridge.Contracts.Model;

/// <summary>An amount with its unit code (e.g. <c>kg</c>, <c>pcs</c>). Never a double.</summary>
public sealed record Quantity(decimal Value, string Unit)
{
    public override string ToString() => $"{Value} {Unit}";
}
