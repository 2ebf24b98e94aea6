using Bridge.Adapters.OpcUa.Stack.Security;

namespace Bridge.Tests.OpcUa.Stack.Security;

/// <summary>Padding per Part 6, 6.7.2.5: sequence header + body + padding + signature fill whole encryption blocks.</summary>
public class ChunkPaddingTests
{
    [Theory]
    // Symmetric, AES block 16, HMAC-SHA256 signature 32: 8 + 100 + 1 + 32 = 141 -> 3 padding bytes make 144.
    [InlineData(108, 32, 16, false, 3)]
    // Already aligned apart from the size byte: 8 + 7 + 1 + 32 = 48 -> no padding bytes.
    [InlineData(15, 32, 16, false, 0)]
    // Asymmetric, 2048-bit keys with OAEP-SHA1: plaintext block 256 - 42 = 214, signature 256: 8 + 100 + 1 + 256 = 365 -> 63 to 428.
    [InlineData(108, 256, 214, false, 63)]
    // 4096-bit receiver key with OAEP-SHA256: block 512 - 66 = 446, ExtraPaddingSize byte: 8 + 100 + 2 + 512 = 622 -> 270 to 892.
    [InlineData(108, 512, 446, true, 270)]
    public void Count_FillsWholeBlocks(int plain, int signature, int block, bool extra, int expected)
    {
        var count = ChunkPadding.Count(plain, signature, block, extra);
        count.ShouldBe(expected);
        ((plain + count + 1 + (extra ? 1 : 0) + signature) % block).ShouldBe(0);
    }

    [Fact]
    public void Write_ThenRead_RoundTrips_AndEveryByteIsTheSize()
    {
        var buffer = new byte[20];
        ChunkPadding.Write(buffer.AsSpan(10), 3, false).ShouldBe(4);
        buffer[10..14].ShouldBe(new byte[] { 3, 3, 3, 3 });
        ChunkPadding.Read(buffer, 14, false).ShouldBe(4);
    }

    [Fact]
    public void Write_WithExtraByte_StoresTheHighByteLast()
    {
        var buffer = new byte[400];
        var written = ChunkPadding.Write(buffer, 270, true);
        written.ShouldBe(272);
        buffer[0].ShouldBe((byte)(270 & 0xFF));
        buffer[270].ShouldBe((byte)(270 & 0xFF));
        buffer[271].ShouldBe((byte)1);
        ChunkPadding.Read(buffer, 272, true).ShouldBe(272);
    }

    [Fact]
    public void Read_AlteredOrOversizedPadding_IsRefused()
    {
        var buffer = new byte[] { 9, 9, 2, 7, 2 };
        ChunkPadding.Read(buffer, 5, false).ShouldBe(-1);
        ChunkPadding.Read(new byte[] { 200 }, 1, false).ShouldBe(-1);
        ChunkPadding.Read([], 0, false).ShouldBe(-1);
    }
}
