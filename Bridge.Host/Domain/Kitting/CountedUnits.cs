namespace Bridge.Host.Domain.Kitting;

/// <summary>Units that come in whole pieces: a requirement in them is rounded up, a pick in them is never "2.4 BX".</summary>
public static class CountedUnits
{
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "pcs", "pc", "ea", "each", "st", "piece", "pieces", "box", "pallet",
    };

    public static bool Contains(string unit) => Units.Contains(unit);
}
