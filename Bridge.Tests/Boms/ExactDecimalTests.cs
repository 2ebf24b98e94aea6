using System.Numerics;
using Bridge.Host.Domain.Boms;

namespace Bridge.Tests.Boms;

public class ExactDecimalTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("-1.50", "-1.5")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335", "-79228162514264337593543950335")]
    [InlineData("1200", "1200")]
    public void From_KeepsEveryDigitOfTheDecimal_AndDropsTrailingZeros(string value, string expected)
    {
        var exact = ExactDecimal.From(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        exact.ToString().ShouldBe(expected);
        exact.TryToDecimal(out var back).ShouldBeTrue();
        back.ShouldBe(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Product_KeepsTheDigitsDecimalRounds()
    {
        var third = ExactDecimal.From(0.3333333333333333333333333333m);

        var square = third * third;

        square.ToString().ShouldBe("0.11111111111111111111111111108888888888888888888888888889");
        square.TryToDecimal(out _).ShouldBeFalse();
        ExactDecimal.From(0.3333333333333333333333333333m * 0.3333333333333333333333333333m).ShouldNotBe(square);
    }

    [Fact]
    public void Sum_AlignsScales_AndCancelsToZero()
    {
        (ExactDecimal.From(1.25m) + ExactDecimal.From(-0.005m)).ToString().ShouldBe("1.245");
        var zero = ExactDecimal.From(1.25m) + ExactDecimal.From(-1.250m);
        zero.IsZero.ShouldBeTrue();
        zero.ShouldBe(ExactDecimal.From(0m));
        ExactDecimal.From(2.50m).ShouldBe(ExactDecimal.From(2.5m));
    }

    [Theory]
    [InlineData("1.5", "2")]   // half, odd below: up
    [InlineData("2.5", "2")]   // half, even below: stays
    [InlineData("3.5", "4")]
    [InlineData("2.51", "3")]
    [InlineData("-1.5", "-2")]
    [InlineData("0.49", "0")]
    public void Product_PastTheMostDecimals_IsRoundedHalfToEven(string digits, string lastPlace)
    {
        var tiny = ExactDecimal.From(0.0000000000000000000000000001m);   // 1e-28
        var unitOfLastPlace = tiny * tiny * tiny * ExactDecimal.From(0.0000000000000001m);  // 1e-100, still exact
        unitOfLastPlace.Scale.ShouldBe(ExactDecimal.MostDecimals);

        var product = ExactDecimal.From(decimal.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)) * unitOfLastPlace;

        var expected = lastPlace == "0" ? ExactDecimal.From(0m) : ExactDecimal.From(decimal.Parse(lastPlace, System.Globalization.CultureInfo.InvariantCulture)) * unitOfLastPlace;
        product.ShouldBe(expected);
        product.Scale.ShouldBeLessThanOrEqualTo(ExactDecimal.MostDecimals);
        if (lastPlace != "0")
        {
            product.Significand.ShouldBe(BigInteger.Parse(lastPlace, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
