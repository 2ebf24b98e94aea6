using System.Globalization;
using System.Numerics;
using System.Text;

namespace Bridge.Host.Domain.Boms;

/// <summary>
/// A decimal number with more digits than <see cref="decimal"/>: <see cref="Significand"/> × 10^-<see cref="Scale"/>,
/// always without trailing zeros. Decimal keeps 28–29 significant digits, so eight levels of 1.125 × 1.025 are rounded
/// there; here they stay exact, and <c>bom explode</c> prints what a by-hand explosion gives to the last digit. Past
/// <see cref="MostDecimals"/> places a product is rounded (half to even) so a BOM thousands of levels deep stays cheap.
/// </summary>
public readonly record struct ExactDecimal
{
    public const int MostDecimals = 100;

    private ExactDecimal(BigInteger significand, int scale)
    {
        while (scale > 0 && !significand.IsZero)
        {
            var quotient = BigInteger.DivRem(significand, 10, out var remainder);
            if (!remainder.IsZero)
            {
                break;
            }

            significand = quotient;
            scale--;
        }

        Significand = significand;
        Scale = significand.IsZero ? 0 : scale;
    }

    public BigInteger Significand { get; }

    public int Scale { get; }

    public bool IsZero => Significand.IsZero;

    public static ExactDecimal From(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return new ExactDecimal(bits[3] < 0 ? -magnitude : magnitude, (bits[3] >> 16) & 0xFF);
    }

    public static ExactDecimal operator +(ExactDecimal a, ExactDecimal b)
    {
        var scale = Math.Max(a.Scale, b.Scale);
        return new ExactDecimal(a.Significand * BigInteger.Pow(10, scale - a.Scale) + b.Significand * BigInteger.Pow(10, scale - b.Scale), scale);
    }

    public static ExactDecimal operator *(ExactDecimal a, ExactDecimal b)
    {
        var significand = a.Significand * b.Significand;
        var scale = a.Scale + b.Scale;
        if (scale > MostDecimals)
        {
            significand = RoundHalfToEven(significand, BigInteger.Pow(10, scale - MostDecimals));
            scale = MostDecimals;
        }

        return new ExactDecimal(significand, scale);
    }

    /// <summary>Whether decimal holds this value without rounding (<paramref name="value"/> is then that decimal).</summary>
    public bool TryToDecimal(out decimal value)
    {
        value = 0m;
        if (Scale > 28 || BigInteger.Abs(Significand) > MaxSignificand)
        {
            return false;
        }

        var magnitude = BigInteger.Abs(Significand);
        value = new decimal((int)(uint)(magnitude & uint.MaxValue), (int)(uint)((magnitude >> 32) & uint.MaxValue), (int)(uint)(magnitude >> 64), Significand.Sign < 0, (byte)Scale);
        return true;
    }

    /// <summary>Invariant digits, a point only when there is a fraction: <c>-0.0125</c>, <c>48509.97117126190681185172034</c>, <c>12</c>.</summary>
    public override string ToString()
    {
        var digits = BigInteger.Abs(Significand).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder(digits.Length + 3);
        if (Significand.Sign < 0)
        {
            text.Append('-');
        }

        if (Scale == 0)
        {
            return text.Append(digits).ToString();
        }

        if (digits.Length <= Scale)
        {
            return text.Append("0.").Append('0', Scale - digits.Length).Append(digits).ToString();
        }

        return text.Append(digits, 0, digits.Length - Scale).Append('.').Append(digits, digits.Length - Scale, Scale).ToString();
    }

    private static readonly BigInteger MaxSignificand = (BigInteger.One << 96) - 1;

    private static BigInteger RoundHalfToEven(BigInteger value, BigInteger divisor)
    {
        var quotient = BigInteger.DivRem(value, divisor, out var remainder);
        var twice = BigInteger.Abs(remainder) * 2;
        if (twice > divisor || (twice == divisor && !quotient.IsEven))
        {
            quotient += value.Sign;
        }

        return quotient;
    }
}
