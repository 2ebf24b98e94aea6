using System.Security.Cryptography;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>The P_SHA256 pseudo-random function (RFC 5246, 5) that derives a secure channel's keys from the nonces (Part 6, 6.7.5).</summary>
public static class PSha256
{
    public static byte[] Derive(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> seed, int length)
    {
        var result = new byte[length];
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        Span<byte> a = stackalloc byte[32];
        Span<byte> block = stackalloc byte[32];
        hmac.AppendData(seed);
        hmac.GetHashAndReset(a);
        for (var at = 0; at < length; at += 32)
        {
            hmac.AppendData(a);
            hmac.AppendData(seed);
            hmac.GetHashAndReset(block);
            block[..Math.Min(32, length - at)].CopyTo(result.AsSpan(at));
            hmac.AppendData(a);
            hmac.GetHashAndReset(a);
        }
        return result;
    }
}
