using Bridge.Host.Domain.Kitting;

namespace Bridge.Tests.Orchestration.Kitting;

/// <summary>
/// pcs ↔ box with a pack size per material, the way a units table that stores "1 pcs = 1/12 box" converts: the factor
/// 0.0833… is not exact in decimal, so 24 pcs become 1.9999999999999999999999999992 box before rounding.
/// </summary>
public sealed class PackSizeConverter(IReadOnlyDictionary<string, int> packSizes) : IUnitConverter
{
    public static readonly PackSizeConverter BoxOfTwelve = new(new Dictionary<string, int> { ["A"] = 12 });

    public bool TryConvert(string material, decimal quantity, string fromUnit, string toUnit, out decimal converted)
    {
        var size = packSizes.GetValueOrDefault(material, 12);
        converted = (fromUnit, toUnit) switch
        {
            _ when fromUnit == toUnit => quantity,
            ("box", "pcs") => quantity * size,
            ("pcs", "box") => quantity * (1m / size),
            _ => -1m,
        };
        return converted >= 0m;
    }
}
