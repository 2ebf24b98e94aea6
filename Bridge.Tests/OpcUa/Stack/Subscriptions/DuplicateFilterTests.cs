using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;

namespace Bridge.Tests.OpcUa.Stack.Subscriptions;

public class DuplicateFilterTests
{
    private static readonly DateTime At = new(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);

    private static DataValue Value(Variant value, int second = 0, uint status = 0) =>
        new(value) { SourceTimestamp = At.AddSeconds(second), StatusCode = new StatusCode(status) };

    [Fact]
    public void SameScalarAndTimestamp_IsADuplicate_ADifferentValueTimestampOrStatusIsNot()
    {
        var filter = new DuplicateFilter();
        filter.IsNew(Value(Variant.From(1.5))).ShouldBeTrue();
        filter.IsNew(Value(Variant.From(1.5))).ShouldBeFalse("decoded again, a new box of the same double");
        filter.IsNew(Value(Variant.From(2.5))).ShouldBeTrue();
        filter.IsNew(Value(Variant.From(1.5), second: 1)).ShouldBeTrue();
        filter.IsNew(Value(Variant.From(1.5), status: StatusCodes.BadNodeIdUnknown)).ShouldBeTrue();
        filter.IsNew(Value(Variant.From(1))).ShouldBeTrue("an Int32 1 is not a Double 1.5, and not the same type as any before");
    }

    [Fact]
    public void ScalarsOfTheSameBitsButAnotherType_AreNotDuplicates()
    {
        var filter = new DuplicateFilter();
        filter.IsNew(Value(Variant.From(7))).ShouldBeTrue();
        filter.IsNew(Value(Variant.From(7u))).ShouldBeTrue();
        filter.IsNew(Value(Variant.From(7u))).ShouldBeFalse();
    }

    [Fact]
    public void StringsAndArrays_AreComparedByValue()
    {
        var filter = new DuplicateFilter();
        filter.IsNew(Value(Variant.From("a" + 1))).ShouldBeTrue();
        filter.IsNew(Value(Variant.From("a1"))).ShouldBeFalse();
        filter.IsNew(Value(new Variant(BuiltInType.Int32, new[] { 1, 2 }))).ShouldBeTrue();
        filter.IsNew(Value(new Variant(BuiltInType.Int32, new[] { 1, 2 }))).ShouldBeFalse();
        filter.IsNew(Value(new Variant(BuiltInType.Int32, new[] { 1, 3 }))).ShouldBeTrue();
        filter.IsNew(Value(Variant.Null)).ShouldBeTrue();
        filter.IsNew(Value(Variant.Null)).ShouldBeFalse();
    }

    [Fact]
    public void OnlyTheLastEightValues_AreRemembered()
    {
        var filter = new DuplicateFilter();
        for (var i = 0; i < 9; i++)
        {
            filter.IsNew(Value(Variant.From((double)i))).ShouldBeTrue();
        }
        filter.IsNew(Value(Variant.From(8.0))).ShouldBeFalse();
        filter.IsNew(Value(Variant.From(1.0))).ShouldBeFalse();
        filter.IsNew(Value(Variant.From(0.0))).ShouldBeTrue("the first of nine fell out of the window");
    }
}
