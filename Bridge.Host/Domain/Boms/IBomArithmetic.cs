using Bridge.Host.Domain.Kitting;

namespace Bridge.Host.Domain.Boms;

/// <summary>
/// How an explosion counts: <see cref="DecimalBomArithmetic"/> as the engine does, <see cref="ExactBomArithmetic"/> for
/// <c>bom explode</c>. A struct type parameter, so the JIT compiles the walk once per arithmetic with no calls left.
/// </summary>
internal interface IBomArithmetic<T>
{
    static abstract T From(decimal value);

    static abstract T Add(T sum, T value);

    static abstract T Times(T quantity, decimal factor);

    static abstract bool IsZero(T value);

    static abstract bool TryConvert(IUnitConverter units, string material, T quantity, string fromUnit, string toUnit, out T converted);
}
