using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Tests.OpcUa.Stack.Codec;

public class VariantRoundTripTests
{
    public static TheoryData<BuiltInType, object> Scalars => new()
    {
        { BuiltInType.Boolean, true },
        { BuiltInType.SByte, (sbyte)-128 },
        { BuiltInType.Byte, (byte)255 },
        { BuiltInType.Int16, short.MinValue },
        { BuiltInType.UInt16, ushort.MaxValue },
        { BuiltInType.Int32, int.MinValue },
        { BuiltInType.UInt32, uint.MaxValue },
        { BuiltInType.Int64, long.MinValue },
        { BuiltInType.UInt64, ulong.MaxValue },
        { BuiltInType.Float, float.NegativeInfinity },
        { BuiltInType.Double, double.Epsilon },
        { BuiltInType.String, "水Boy" },
        { BuiltInType.DateTime, new DateTime(2024, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc) },
        { BuiltInType.Guid, Guid.Parse("72962B91-FA75-4AE6-8D28-B404DC7DAF63") },
        { BuiltInType.ByteString, new byte[] { 0, 1, 255 } },
        { BuiltInType.XmlElement, new XmlElement("<a>1</a>") },
        { BuiltInType.NodeId, NodeId.Parse("ns=3;g=72962B91-FA75-4AE6-8D28-B404DC7DAF63") },
        { BuiltInType.ExpandedNodeId, ExpandedNodeId.Parse("svr=2;nsu=urn:x;s=Counter") },
        { BuiltInType.StatusCode, new StatusCode(StatusCodes.UncertainInitialValue) },
        { BuiltInType.QualifiedName, new QualifiedName(4, "Part") },
        { BuiltInType.LocalizedText, new LocalizedText("de-DE", "Teil") },
        { BuiltInType.ExtensionObject, new ExtensionObject(new NodeId(886), ExtensionObjectEncoding.Binary, [1, 2, 3]) },
        { BuiltInType.DataValue, new DataValue(Variant.From(1.5)) { StatusCode = StatusCodes.GoodClamped, ServerTimestamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), ServerPicoseconds = 7 } },
        { BuiltInType.DiagnosticInfo, new DiagnosticInfo { SymbolicId = 1, AdditionalInfo = "x", InnerDiagnosticInfo = new DiagnosticInfo { InnerStatusCode = StatusCodes.BadTimeout } } },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Scalar_RoundTrips(BuiltInType type, object value)
    {
        var variant = new Variant(type, value);
        RoundTrip(variant).ShouldBe(variant);
    }

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Array_OfEveryType_RoundTrips(BuiltInType type, object value)
    {
        var array = Array.CreateInstance(BuiltInTypes.ClrType(type), 3);
        array.SetValue(value, 0);
        array.SetValue(value, 2);
        if (array.GetValue(1) is null && type is not (BuiltInType.String or BuiltInType.ByteString or BuiltInType.NodeId or BuiltInType.ExpandedNodeId or BuiltInType.ExtensionObject or BuiltInType.DataValue or BuiltInType.DiagnosticInfo))
        {
            array.SetValue(value, 1);
        }
        if (type is BuiltInType.NodeId)
        {
            array.SetValue(NodeId.Null, 1);
        }
        if (type is BuiltInType.ExpandedNodeId)
        {
            array.SetValue(ExpandedNodeId.Null, 1);
        }
        if (type is BuiltInType.ExtensionObject)
        {
            array.SetValue(ExtensionObject.Null, 1);
        }
        if (type is BuiltInType.DataValue)
        {
            array.SetValue(new DataValue(), 1);
        }
        if (type is BuiltInType.DiagnosticInfo)
        {
            array.SetValue(new DiagnosticInfo(), 1);
        }
        var variant = new Variant(type, array);
        var decoded = RoundTrip(variant);
        decoded.Type.ShouldBe(type);
        decoded.IsArray.ShouldBeTrue();
        decoded.ShouldBe(variant);
    }

    [Fact]
    public void Matrix_KeepsDimensions()
    {
        var variant = new Variant(BuiltInType.Int32, new[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var decoded = RoundTrip(variant);
        decoded.ArrayDimensions.ShouldBe([2, 3]);
        decoded.ShouldBe(variant);
    }

    [Fact]
    public void ArrayOfVariants_HoldsMixedTypes()
    {
        var variant = new Variant(BuiltInType.Variant, new[] { Variant.From(1), Variant.From("a"), new Variant(BuiltInType.Double, new[] { 1.0, 2.0 }) });
        RoundTrip(variant).ShouldBe(variant);
    }

    [Fact]
    public void NullVariant_IsOneZeroByte() =>
        SpecByteSequenceTests.Encode(e => e.WriteVariant(Variant.Null)).ShouldBe([0]);

    [Fact]
    public void Constructor_RejectsWrongClrType() =>
        Should.Throw<OpcUaEncodingException>(() => new Variant(BuiltInType.Int32, 1.5));

    [Fact]
    public void Constructor_RejectsDimensionsThatDoNotMatch() =>
        Should.Throw<OpcUaEncodingException>(() => new Variant(BuiltInType.Int32, new[] { 1, 2, 3 }, [2, 2]));

    [Fact]
    public void Decode_MatrixWithWrongDimensions_IsRejected()
    {
        var bytes = SpecByteSequenceTests.Hex("C3 04 00 00 00 01 02 03 04 02 00 00 00 02 00 00 00 03 00 00 00");
        Should.Throw<OpcUaDecodingException>(() => new BinaryDecoder(bytes).ReadVariant()).Message.ShouldContain("dimensions");
    }

    [Theory]
    [InlineData("i=85")]
    [InlineData("ns=1;s=Line1.Counter")]
    [InlineData("ns=2;g=72962b91-fa75-4ae6-8d28-b404dc7daf63")]
    [InlineData("ns=1;b=AQID")]
    [InlineData("ns=65535;i=4294967295")]
    public void NodeId_TextForm_RoundTrips(string text)
    {
        var nodeId = NodeId.Parse(text);
        nodeId.ToString().ShouldBe(text);
        var decoded = new BinaryDecoder(SpecByteSequenceTests.Encode(e => e.WriteNodeId(nodeId))).ReadNodeId();
        decoded.ShouldBe(nodeId);
    }

    [Theory]
    [InlineData("x=1", "not a valid identifier")]
    [InlineData("ns=70000;i=1", "ns=")]
    [InlineData("i=-1", "not a valid identifier")]
    public void NodeId_Parse_RejectsWithReason(string text, string reason) =>
        Should.Throw<FormatException>(() => NodeId.Parse(text)).Message.ShouldContain(reason);

    [Fact]
    public void StatusCode_CarriesItsName()
    {
        new StatusCode(StatusCodes.BadNodeIdUnknown).Name.ShouldBe("BadNodeIdUnknown");
        new StatusCode(StatusCodes.Good | 0x0400).Name.ShouldBe("Good");
        new StatusCode(0x80FF0000).Name.ShouldBe("0x80FF0000");
    }

    private static Variant RoundTrip(Variant variant)
    {
        var bytes = SpecByteSequenceTests.Encode(e => e.WriteVariant(variant));
        var decoder = new BinaryDecoder(bytes);
        var decoded = decoder.ReadVariant();
        decoder.Remaining.ShouldBe(0);
        return decoded;
    }
}
