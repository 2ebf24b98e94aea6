using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Domain.Boms;

/// <summary>The engine's arithmetic: decimal, so a requirement of more than 28 significant digits is rounded.</summary>
internal readonly struct DecimalBomArithmetic : IBomArithmetic<decimal>
{
    public static decimal From(decimal value) => value;

    public static decimal Add(decimal sum, decimal value) => sum + value;

    public static decimal Times(decimal quantity, decimal factor) => quantity * factor;

    public static bool IsZero(decimal value) => value == 0m;

    public static bool TryConvert(IUnitConverter units, string material, decimal quantity, string fromUnit, string toUnit, out decimal converted) =>
        units.TryConvert(material, quantity, fromUnit, toUnit, out converted);
}
