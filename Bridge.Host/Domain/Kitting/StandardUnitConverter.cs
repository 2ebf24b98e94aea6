namespace Bridge.Host.Domain.Kitting;

/// <summary>Same unit, and the SI families (mass, length, volume); anything else is not convertible.</summary>
public sealed class StandardUnitConverter : IUnitConverter
{
    public static readonly StandardUnitConverter Instance = new();

    private static readonly Dictionary<string, (string Family, decimal Factor)> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mg"] = ("mass", 0.000001m), ["g"] = ("mass", 0.001m), ["kg"] = ("mass", 1m), ["t"] = ("mass", 1000m),
        ["mm"] = ("length", 0.001m), ["cm"] = ("length", 0.01m), ["m"] = ("length", 1m), ["km"] = ("length", 1000m),
        ["ml"] = ("volume", 0.001m), ["l"] = ("volume", 1m), ["m3"] = ("volume", 1000m),
    };

    public bool TryConvert(string material, decimal quantity, string fromUnit, string toUnit, out decimal converted)
    {
        if (string.Equals(fromUnit, toUnit, StringComparison.OrdinalIgnoreCase))
        {
            converted = quantity;
            return true;
        }

        if (Units.TryGetValue(fromUnit, out var from) && Units.TryGetValue(toUnit, out var to) && from.Family == to.Family)
        {
            converted = quantity * from.Factor / to.Factor;
            return true;
        }

        converted = 0m;
        return false;
    }
}
