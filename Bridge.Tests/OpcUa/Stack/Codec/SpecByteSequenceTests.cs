using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Tests.OpcUa.Stack.Codec;

/// <summary>Encodings checked against the examples printed in OPC UA Part 6, 5.2.2.</summary>
public class SpecByteSequenceTests
{
    [Fact]
    public void Int32_OneBillion_MatchesPart6Example() =>
        Encode(e => e.WriteInt32(1000000000)).ShouldBe(Hex("00 CA 9A 3B"));

    [Fact]
    public void Float_MinusSixPointFive_MatchesPart6Example() =>
        Encode(e => e.WriteFloat(-6.5f)).ShouldBe(Hex("00 00 D0 C0"));

    [Fact]
    public void Double_MinusSixPointFive_MatchesPart6Example() =>
        Encode(e => e.WriteDouble(-6.5)).ShouldBe(Hex("00 00 00 00 00 00 1A C0"));

    [Fact]
    public void String_WithChineseCharacter_MatchesPart6Example() =>
        Encode(e => e.WriteString("水Boy")).ShouldBe(Hex("06 00 00 00 E6 B0 B4 42 6F 79"));

    [Fact]
    public void String_Null_IsMinusOneLength() =>
        Encode(e => e.WriteString(null)).ShouldBe(Hex("FF FF FF FF"));

    [Fact]
    public void Guid_MatchesPart6Example() =>
        Encode(e => e.WriteGuid(Guid.Parse("72962B91-FA75-4AE6-8D28-B404DC7DAF63")))
            .ShouldBe(Hex("91 2B 96 72 75 FA E6 4A 8D 28 B4 04 DC 7D AF 63"));

    [Fact]
    public void NodeId_TwoByte_MatchesPart6Example() =>
        Encode(e => e.WriteNodeId(new NodeId(72))).ShouldBe(Hex("00 48"));

    [Fact]
    public void NodeId_FourByte_MatchesPart6Example() =>
        Encode(e => e.WriteNodeId(new NodeId(1025, 5))).ShouldBe(Hex("01 05 01 04"));

    [Fact]
    public void NodeId_String_MatchesPart6Example() =>
        Encode(e => e.WriteNodeId(new NodeId("Hot水", 1))).ShouldBe(Hex("03 01 00 06 00 00 00 48 6F 74 E6 B0 B4"));

    [Fact]
    public void NodeId_Numeric_UsesFullFormBeyondFourByteRange() =>
        Encode(e => e.WriteNodeId(new NodeId(70000, 300))).ShouldBe(Hex("02 2C 01 70 11 01 00"));

    [Fact]
    public void NodeId_Guid_IsTypeFourThenNamespaceThenGuid() =>
        Encode(e => e.WriteNodeId(new NodeId(Guid.Parse("72962B91-FA75-4AE6-8D28-B404DC7DAF63"), 2)))
            .ShouldBe(Hex("04 02 00 91 2B 96 72 75 FA E6 4A 8D 28 B4 04 DC 7D AF 63"));

    [Fact]
    public void NodeId_Opaque_IsTypeFiveThenByteString() =>
        Encode(e => e.WriteNodeId(new NodeId(new byte[] { 1, 2, 3 }, 1))).ShouldBe(Hex("05 01 00 03 00 00 00 01 02 03"));

    [Fact]
    public void ExpandedNodeId_WithUriAndServer_SetsBothFlags() =>
        Encode(e => e.WriteExpandedNodeId(new ExpandedNodeId(new NodeId(72), "u", 2)))
            .ShouldBe(Hex("C0 48 01 00 00 00 75 02 00 00 00"));

    [Fact]
    public void Variant_Int32Array_HasArrayBitAndLength() =>
        Encode(e => e.WriteVariant(new Variant(BuiltInType.Int32, new[] { 1, 2 })))
            .ShouldBe(Hex("86 02 00 00 00 01 00 00 00 02 00 00 00"));

    [Fact]
    public void Variant_Matrix_AppendsDimensions() =>
        Encode(e => e.WriteVariant(new Variant(BuiltInType.Byte, new byte[] { 1, 2, 3, 4 }, [2, 2])))
            .ShouldBe(Hex("C3 04 00 00 00 01 02 03 04 02 00 00 00 02 00 00 00 02 00 00 00"));

    [Fact]
    public void DataValue_ValueStatusAndSourceTimestamp_UsesMaskOrder() =>
        Encode(e => e.WriteDataValue(new DataValue(Variant.From(true)) { StatusCode = StatusCodes.BadNodeIdUnknown, SourceTimestamp = new DateTime(1601, 1, 1, 0, 0, 0, 1, DateTimeKind.Utc) }))
            .ShouldBe(Hex("07 01 01 00 00 34 80 10 27 00 00 00 00 00 00"));

    [Fact]
    public void DateTime_Epoch_IsZeroAndMaxValueIsInt64Max()
    {
        Encode(e => e.WriteDateTime(new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc))).ShouldBe(Hex("00 00 00 00 00 00 00 00"));
        Encode(e => e.WriteDateTime(DateTime.MaxValue)).ShouldBe(Hex("FF FF FF FF FF FF FF 7F"));
    }

    [Fact]
    public void LocalizedText_TextOnly_SetsMaskTwo() =>
        Encode(e => e.WriteLocalizedText(new LocalizedText(null, "A"))).ShouldBe(Hex("02 01 00 00 00 41"));

    [Fact]
    public void DiagnosticInfo_LocaleIsWrittenBeforeLocalizedText() =>
        Encode(e => e.WriteDiagnosticInfo(new DiagnosticInfo { LocalizedText = 1, Locale = 2 }))
            .ShouldBe(Hex("0C 02 00 00 00 01 00 00 00"));

    [Fact]
    public void ExtensionObject_UnknownType_KeepsBodyBytes()
    {
        var bytes = Hex("01 02 D2 04 01 03 00 00 00 0A 0B 0C");
        var decoded = new BinaryDecoder(bytes).ReadExtensionObject();
        decoded.TypeId.ShouldBe(new NodeId(1234, 2));
        decoded.Body.ShouldBe(new byte[] { 10, 11, 12 });
        Encode(e => e.WriteExtensionObject(decoded)).ShouldBe(bytes);
    }

    internal static byte[] Encode(Action<BinaryEncoder> write)
    {
        var encoder = new BinaryEncoder();
        write(encoder);
        return encoder.ToArray();
    }

    internal static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));
}
