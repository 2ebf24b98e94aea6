namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>
/// The padding of an encrypted chunk (Part 6, 6.7.2.5): PaddingSize, that many bytes of the same value, and an
/// ExtraPaddingSize byte (the high byte) when the encrypting key is longer than 2048 bits, so that sequence
/// header, body, padding and signature fill whole plaintext blocks.
/// </summary>
public static class ChunkPadding
{
    /// <summary>How many padding bytes (not counting the size bytes) make <paramref name="plainLength"/> fit.</summary>
    public static int Count(int plainLength, int signatureLength, int blockSize, bool extraByte)
    {
        var used = plainLength + 1 + (extraByte ? 1 : 0) + signatureLength;
        return (blockSize - (used % blockSize)) % blockSize;
    }

    /// <summary>Writes the padding at the start of <paramref name="target"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> target, int count, bool extraByte)
    {
        target[..(count + 1)].Fill((byte)(count & 0xFF));
        if (extraByte)
        {
            target[count + 1] = (byte)(count >> 8);
            return count + 2;
        }
        return count + 1;
    }

    /// <summary>
    /// Reads the padding that ends right before the signature (at <paramref name="end"/>); returns its total
    /// length (size bytes included), or -1 when it is longer than the data or its bytes are not all the same.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> data, int end, bool extraByte)
    {
        if (end < (extraByte ? 2 : 1))
        {
            return -1;
        }
        var count = extraByte ? (data[end - 1] << 8) | data[end - 2] : data[end - 1];
        var total = count + 1 + (extraByte ? 1 : 0);
        if (total > end)
        {
            return -1;
        }
        var low = (byte)(count & 0xFF);
        var start = end - total;
        var mismatch = 0;
        for (var i = start; i < start + count + 1; i++)
        {
            mismatch |= data[i] ^ low;
        }
        return mismatch == 0 ? total : -1;
    }
}
