using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.Subscriptions;

namespace Bridge.Tests.OpcUa.Stack.Codec;

/// <summary>
/// A DataValue holding a fixed-size scalar is decoded into bits, without a Variant or a boxed value: it must read,
/// compare, hash and encode exactly as one holding the Variant that <see cref="BinaryDecoder.ReadVariant"/> decodes.
/// </summary>
public class DataValueScalarDecodingTests
{
    private static readonly DateTime At = new(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);

    public static TheoryData<BuiltInType, object> Scalars()
    {
        var rows = new TheoryData<BuiltInType, object>();
        foreach (var row in VariantRoundTripTests.Scalars)
        {
            rows.Add((BuiltInType)row[0], row[1]);
        }
        // The edges the bits must carry: the minimum and maximum DateTime, NaN, −0.0, false, a negative Int32.
        rows.Add(BuiltInType.DateTime, DateTime.MinValue);
        rows.Add(BuiltInType.DateTime, DateTime.MaxValue);
        rows.Add(BuiltInType.Double, double.NaN);
        rows.Add(BuiltInType.Double, -0.0);
        rows.Add(BuiltInType.Boolean, false);
        rows.Add(BuiltInType.Int32, -7);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Scalars))]
    public void DecodedValue_EqualsTheVariantPath_AndEncodesToTheSameBytes(BuiltInType type, object value)
    {
        var sent = new DataValue(new Variant(type, value)) { StatusCode = new StatusCode(StatusCodes.UncertainInitialValue), SourceTimestamp = At, ServerTimestamp = At.AddTicks(3), ServerPicoseconds = 5 };
        var bytes = SpecByteSequenceTests.Encode(e => e.WriteDataValue(sent));

        var decoded = new BinaryDecoder(bytes).ReadDataValue();
        // The old path: the variant decoded on its own (bytes after the mask byte), the fields set as before.
        var variant = new BinaryDecoder(bytes.AsMemory(1)).ReadVariant();
        var viaVariant = new DataValue(variant) { StatusCode = sent.StatusCode, SourceTimestamp = At, ServerTimestamp = At.AddTicks(3), ServerPicoseconds = 5 };

        decoded.ShouldBe(viaVariant);
        viaVariant.ShouldBe(decoded);
        decoded.GetHashCode().ShouldBe(viaVariant.GetHashCode());
        new BinaryDecoder(bytes).ReadDataValue().ShouldBe(decoded, "two decodes of the same bytes, neither read as a Variant");
        SpecByteSequenceTests.Encode(e => e.WriteDataValue(new BinaryDecoder(bytes).ReadDataValue())).ShouldBe(bytes);

        decoded.Value.Type.ShouldBe(type);
        decoded.Value.Value.ShouldBe(variant.Value);
        decoded.Value.Value!.GetType().ShouldBe(variant.Value!.GetType());
        if (value is DateTime time)
        {
            ((DateTime)decoded.Value.Value!).Kind.ShouldBe(((DateTime)variant.Value).Kind);
            ((DateTime)decoded.Value.Value!).Ticks.ShouldBe(time.Ticks);
        }
        decoded.Value.ShouldBeSameAs(decoded.Value, "the Variant is made once, when first read");
        decoded.TryGetDouble(out var number).ShouldBe(type == BuiltInType.Double);
        if (type == BuiltInType.Double)
        {
            number.ShouldBe((double)value);
        }
    }

    [Fact]
    public void KnownBytes_DoubleWithBothTimestamps_DecodeToTheValue()
    {
        // Mask 0x0D: value, source timestamp, server timestamp. Variant 0x0B (Double) 1.5. Timestamps 1 and 2 × 100 ns after 1601.
        var bytes = SpecByteSequenceTests.Hex("0D 0B 00 00 00 00 00 00 F8 3F 01 00 00 00 00 00 00 00 02 00 00 00 00 00 00 00");
        var value = new BinaryDecoder(bytes).ReadDataValue();
        value.TryGetDouble(out var number).ShouldBeTrue();
        number.ShouldBe(1.5);
        value.Value.ShouldBe(Variant.From(1.5));
        value.StatusCode.Code.ShouldBe(0u);
        value.SourceTimestamp.ShouldBe(new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1));
        value.ServerTimestamp.ShouldBe(new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(2));
        value.SourcePicoseconds.ShouldBeNull();
    }

    [Fact]
    public void NestingLimit_CountsTheDataValueAndItsVariant_AsTheVariantPathDoes()
    {
        var number = SpecByteSequenceTests.Encode(e => e.WriteDataValue(new DataValue(Variant.From(1.5)) { SourceTimestamp = At }));
        var text = SpecByteSequenceTests.Encode(e => e.WriteDataValue(new DataValue(Variant.From("x")) { SourceTimestamp = At }));
        foreach (var bytes in new[] { number, text })
        {
            Should.Throw<OpcUaDecodingException>(() => new BinaryDecoder(bytes, new DecodingLimits { MaxDepth = 1 }).ReadDataValue()).Message.ShouldContain("Nesting");
            new BinaryDecoder(bytes, new DecodingLimits { MaxDepth = 2 }).ReadDataValue().SourceTimestamp.ShouldBe(At);
        }
    }

    [Fact]
    public void TruncatedNumber_NamesWhereItEnds_LikeTheFieldByFieldPath()
    {
        var bytes = SpecByteSequenceTests.Encode(e => e.WriteDataValue(new DataValue(Variant.From(1.5)) { SourceTimestamp = At, ServerTimestamp = At }));
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var ex = Should.Throw<OpcUaDecodingException>(() => new BinaryDecoder(bytes.AsMemory(0, cut)).ReadDataValue());
            ex.Message.ShouldContain("Unexpected end of data");
        }
    }

    [Fact]
    public void DoubleEquality_FollowsTheVariants_NaNEqualsNaN_AndZeroEqualsMinusZero()
    {
        static DataValue Decode(double d) => new BinaryDecoder(SpecByteSequenceTests.Encode(e => e.WriteDataValue(new DataValue(Variant.From(d))))).ReadDataValue();
        Decode(double.NaN).ShouldBe(Decode(double.NaN));
        Decode(0.0).ShouldBe(Decode(-0.0));
        Variant.From(0.0).ShouldBe(Variant.From(-0.0), "as the Variants compare");
        Decode(1.0).ShouldNotBe(Decode(2.0));
        Decode(1.0).ShouldNotBe(new BinaryDecoder(SpecByteSequenceTests.Encode(e => e.WriteDataValue(new DataValue(Variant.From(1))))).ReadDataValue(), "Int32 1 is not Double 1");
    }

    [Fact]
    public void ReplacedValue_IsTheNewVariant_NotTheDecodedBits()
    {
        var decoded = new BinaryDecoder(SpecByteSequenceTests.Encode(e => e.WriteDataValue(new DataValue(Variant.From(1.5))))).ReadDataValue();
        var replaced = decoded with { Value = Variant.From("x") };
        replaced.Value.ShouldBe(Variant.From("x"));
        replaced.TryGetDouble(out _).ShouldBeFalse();
        (decoded with { SourceTimestamp = At }).Value.ShouldBe(Variant.From(1.5));
        (decoded with { Value = Variant.Null }).Value.IsNull.ShouldBeTrue();
    }

    [Fact]
    public void DuplicateFilter_TreatsADecodedNumberAndTheSameVariantAlike()
    {
        var sent = new DataValue(Variant.From(42.0)) { SourceTimestamp = At };
        var decoded = new BinaryDecoder(SpecByteSequenceTests.Encode(e => e.WriteDataValue(sent))).ReadDataValue();
        var filter = new DuplicateFilter();
        filter.IsNew(decoded).ShouldBeTrue();
        filter.IsNew(sent).ShouldBeFalse("the same value and source timestamp, made as a Variant");
        var time = new DataValue(new Variant(BuiltInType.DateTime, At)) { SourceTimestamp = At };
        filter.IsNew(new BinaryDecoder(SpecByteSequenceTests.Encode(e => e.WriteDataValue(time))).ReadDataValue()).ShouldBeTrue();
        filter.IsNew(time).ShouldBeFalse();
    }

    [Fact]
    public void DataChangeNotification_OfNumbers_AllocatesOneObjectPerValue()
    {
        const int count = 1_000;
        var change = new DataChangeNotification
        {
            MonitoredItems = [.. Enumerable.Range(0, count).Select(i => new MonitoredItemNotification((uint)i, new DataValue(Variant.From((double)i)) { SourceTimestamp = At, ServerTimestamp = At }))],
        };
        var bytes = SpecByteSequenceTests.Encode(change.Encode);
        DataChangeNotification.Decode(new BinaryDecoder(bytes));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var decoded = DataChangeNotification.Decode(new BinaryDecoder(bytes));
        var perValue = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)count;
        // A DataValue (64 bytes) and its 16-byte slot in the array; the Variant and the boxed double came to 72 more.
        perValue.ShouldBeLessThanOrEqualTo(88);
        decoded.MonitoredItems.Select(m => (m.ClientHandle, m.Value.TryGetDouble(out var d) ? d : -1)).ShouldBe(Enumerable.Range(0, count).Select(i => ((uint)i, (double)i)));
    }
}
