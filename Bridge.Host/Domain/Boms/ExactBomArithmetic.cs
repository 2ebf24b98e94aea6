using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Domain.Boms;

/// <summary>
/// Exact arithmetic for <c>bom explode</c>. A unit conversion multiplies by the converter's factor for one unit, so it
/// is exact when that factor is (1 box = 50 pcs) and rounded at decimal's 28 digits when it is not (1 pcs = 1/12 box).
/// </summary>
internal readonly struct ExactBomArithmetic : IBomArithmetic<ExactDecimal>
{
    public static ExactDecimal From(decimal value) => ExactDecimal.From(value);

    public static ExactDecimal Add(ExactDecimal sum, ExactDecimal value) => sum + value;

    public static ExactDecimal Times(ExactDecimal quantity, decimal factor) => quantity * ExactDecimal.From(factor);

    public static bool IsZero(ExactDecimal value) => value.IsZero;

    public static bool TryConvert(IUnitConverter units, string material, ExactDecimal quantity, string fromUnit, string toUnit, out ExactDecimal converted)
    {
        converted = default;
        if (!units.TryConvert(material, 1m, fromUnit, toUnit, out var factor))
        {
            return false;
        }

        converted = quantity * ExactDecimal.From(factor);
        return true;
    }
}
