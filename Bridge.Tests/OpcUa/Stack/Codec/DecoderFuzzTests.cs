using System.Diagnostics;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Tests.OpcUa.Stack.Codec;

/// <summary>Random, truncated and hostile input: only the codec's own exception, no hang, bounded allocation.</summary>
public class DecoderFuzzTests
{
    private static readonly Func<BinaryDecoder, object?>[] Readers =
    [
        d => d.ReadVariant(),
        d => d.ReadDataValue(),
        d => d.ReadDiagnosticInfo(),
        d => d.ReadExpandedNodeId(),
        d => d.ReadExtensionObject(),
        d => d.ReadLocalizedText(),
        d => d.ReadArray(static x => x.ReadVariant()),
    ];

    [Fact]
    public void RandomBytes_OnlyRaiseDecodingErrors()
    {
        var random = new Random(4242);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (bytes.Length > 0 && random.Next(2) == 0)
            {
                bytes[0] = (byte)(random.Next(26) | (random.Next(4) << 6));
            }
            DecodeAll(bytes);
        }
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void EveryTruncation_OfValidEncodings_RaisesDecodingError()
    {
        var samples = new List<(byte[] Bytes, Func<BinaryDecoder, object?> Read)>();
        foreach (var row in VariantRoundTripTests.Scalars)
        {
            var variant = new Variant((BuiltInType)row[0], row[1]);
            samples.Add((SpecByteSequenceTests.Encode(e => e.WriteVariant(variant)), d => d.ReadVariant()));
            samples.Add((SpecByteSequenceTests.Encode(e => e.WriteDataValue(new DataValue(variant) { SourceTimestamp = DateTime.UnixEpoch })), d => d.ReadDataValue()));
        }
        samples.Add((SpecByteSequenceTests.Encode(e => e.WriteVariant(new Variant(BuiltInType.Int32, new[] { 1, 2, 3, 4, 5, 6 }, [2, 3]))), d => d.ReadVariant()));
        foreach (var (bytes, read) in samples)
        {
            read(new BinaryDecoder(bytes)).ShouldNotBeNull();
            for (var cut = 0; cut < bytes.Length; cut++)
            {
                var truncated = bytes.AsMemory(0, cut);
                Should.Throw<OpcUaDecodingException>(() => read(new BinaryDecoder(truncated)));
            }
        }
    }

    [Fact]
    public void HugeDeclaredLengths_FailBeforeAllocating()
    {
        byte[][] hostile =
        [
            SpecByteSequenceTests.Hex("86 FF FF FF 7F 01 02"),        // Int32 array claiming 2^31-1 elements
            SpecByteSequenceTests.Hex("8C 00 00 00 40"),              // String array claiming 2^30 elements
            SpecByteSequenceTests.Hex("0C 00 00 00 7F 41"),           // String claiming 2 GB
            SpecByteSequenceTests.Hex("0F 00 00 10 00"),              // ByteString claiming 1 MiB with no bytes
            SpecByteSequenceTests.Hex("D8 01 00 00 00 00 FF FF FF 7F"), // Variant array with dimensions claiming 2^31 ints
        ];
        foreach (var bytes in hostile)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Should.Throw<OpcUaDecodingException>(() => new BinaryDecoder(bytes).ReadVariant());
            (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(64 * 1024);
        }
    }

    [Fact]
    public void DeepNesting_IsRejectedAtTheLimit()
    {
        // A Variant array holding one Variant array holding one … 1000 levels deep.
        var encoder = new BinaryEncoder();
        for (var i = 0; i < 1000; i++)
        {
            encoder.WriteByte(0x80 | (byte)BuiltInType.Variant);
            encoder.WriteInt32(1);
        }
        encoder.WriteByte(0);
        var ex = Should.Throw<OpcUaDecodingException>(() => new BinaryDecoder(encoder.ToArray(), new DecodingLimits { MaxDepth = 16 }).ReadVariant());
        ex.Message.ShouldContain("Nesting");
    }

    [Fact]
    public void ArrayLongerThanLimit_IsRejectedWithLimitStatus()
    {
        var bytes = SpecByteSequenceTests.Encode(e => e.WriteVariant(new Variant(BuiltInType.Byte, new byte[100])));
        var ex = Should.Throw<OpcUaDecodingException>(() => new BinaryDecoder(bytes, new DecodingLimits { MaxArrayLength = 10 }).ReadVariant());
        ex.StatusCode.Code.ShouldBe(StatusCodes.BadEncodingLimitsExceeded);
    }

    private static void DecodeAll(byte[] bytes)
    {
        foreach (var read in Readers)
        {
            try
            {
                read(new BinaryDecoder(bytes, new DecodingLimits { MaxArrayLength = 10_000 }));
            }
            catch (OpcUaDecodingException)
            {
            }
        }
    }
}
