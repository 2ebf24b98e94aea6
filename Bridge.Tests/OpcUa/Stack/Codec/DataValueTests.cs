using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Tests.OpcUa.Stack.Codec;

public class DataValueTests
{
    private static readonly DateTime At = new(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void PresentAndAbsentFields_ReadBackAsSet()
    {
        var value = new DataValue(Variant.From(1.0)) { SourceTimestamp = At, ServerPicoseconds = 0 };
        value.SourceTimestamp.ShouldBe(At);
        value.SourcePicoseconds.ShouldBeNull();
        value.ServerTimestamp.ShouldBeNull();
        value.ServerPicoseconds.ShouldBe((ushort)0, "a zero that was sent is not an absent field");
        (value with { SourceTimestamp = null }).SourceTimestamp.ShouldBeNull();
    }

    [Fact]
    public void Equality_FollowsTheFields_NotHowTheyWereSet()
    {
        var a = new DataValue(Variant.From(1.0)) { SourceTimestamp = At, ServerTimestamp = At.AddTicks(1) };
        var b = new DataValue(Variant.From(1.0)) { ServerTimestamp = At.AddTicks(1), SourceTimestamp = At };
        a.ShouldBe(b);
        (a with { SourceTimestamp = null }).ShouldBe(b with { SourceTimestamp = null });
        (a with { SourceTimestamp = At.AddTicks(5), }).ShouldNotBe(a);
        (a with { SourceTimestamp = null }).ShouldNotBe(a with { SourceTimestamp = DateTime.MinValue }, "absent is not the minimum time");
        a.GetHashCode().ShouldBe(b.GetHashCode());
    }

    [Fact]
    public void RoundTrip_KeepsEveryFieldAndItsAbsence()
    {
        var value = new DataValue(Variant.From("x")) { StatusCode = new StatusCode(StatusCodes.UncertainInitialValue), SourceTimestamp = At, SourcePicoseconds = 9, ServerPicoseconds = 3 };
        var encoder = new BinaryEncoder();
        encoder.WriteDataValue(value);
        new BinaryDecoder(encoder.ToArray()).ReadDataValue().ShouldBe(value);
    }
}
