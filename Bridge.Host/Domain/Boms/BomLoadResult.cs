namespace Bridge.Host.Domain.Boms;

/// <summary>The rows read from a BOM source, the base units it names, and every problem found (file:row: column …).</summary>
public sealed record BomLoadResult(IReadOnlyList<BomComponent> Rows, IReadOnlyDictionary<string, string> BaseUnits, IReadOnlyList<string> Errors)
{
    public bool Ok => Errors.Count == 0;
}
