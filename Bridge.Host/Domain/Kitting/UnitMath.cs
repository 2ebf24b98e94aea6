namespace Bridge.Host.Domain.Kitting;

/// <summary>
/// Conversions for kit arithmetic. A factor such as 1/12 is not exact in decimal (24 pcs → 1.9999…9992 box), so
/// every converted quantity is rounded to <see cref="Decimals"/> places — far below any unit a warehouse counts in —
/// and trailing zeros are dropped.
/// </summary>
public static class UnitMath
{
    public const int Decimals = 12;

    /// <summary>
    /// What is left of a requirement after conversions through inexact factors (box ↔ pcs through 1/12) may be a few
    /// 1e-12 off; a remainder this small is covered, not a shortage that never reaches zero.
    /// </summary>
    public const decimal Tolerance = 0.000000001m;

    public static bool TryConvert(IUnitConverter units, string material, decimal quantity, string fromUnit, string toUnit, out decimal converted)
    {
        decimal raw;
        try
        {
            if (!units.TryConvert(material, quantity, fromUnit, toUnit, out raw))
            {
                converted = 0m;
                return false;
            }
        }
        catch (OverflowException)
        {
            throw new KitQuantityException($"{quantity} {fromUnit} of {material} is too large to convert into {toUnit}");
        }

        converted = Normalize(Math.Round(raw, Decimals, MidpointRounding.AwayFromZero));
        return true;
    }

    /// <summary>The quantity to pick in the warehouse's unit: whole pieces for counted units, rounded up once.</summary>
    public static decimal PickQuantity(decimal quantity, string unit) =>
        Normalize(CountedUnits.Contains(unit) ? Math.Ceiling(quantity) : quantity);

    /// <summary>Drops trailing zeros: 15.45000 reads 15.45 on the way to the WMS.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
