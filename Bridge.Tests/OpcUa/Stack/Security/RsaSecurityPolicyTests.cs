using System.Buffers.Binary;
using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.Messages;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Security;
using Bridge.Adapters.OpcUa.Stack.Transport;

namespace Bridge.Tests.OpcUa.Stack.Security;

/// <summary>
/// Chunk protection without a server: with one key pair on both ends and equal nonces, what the client protects it
/// can also unprotect, so a round trip, a flipped byte and random or cut-off chunks can be checked in isolation.
/// </summary>
public class RsaSecurityPolicyTests
{
    private static readonly X509Certificate2 Certificate = ApplicationCertificate.Create("urn:test:loopback", "loopback", "localhost", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
    private static readonly byte[] Nonce = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    public static TheoryData<string, MessageSecurityMode> Policies()
    {
        var data = new TheoryData<string, MessageSecurityMode>();
        foreach (var algorithms in SecurityAlgorithms.All)
        {
            data.Add(algorithms.ShortName, MessageSecurityMode.Sign);
            data.Add(algorithms.ShortName, MessageSecurityMode.SignAndEncrypt);
        }
        return data;
    }

    private static RsaSecurityPolicy Loopback(string policy, MessageSecurityMode mode) => new(SecurityAlgorithms.ByName(policy)!, mode, Certificate, Certificate.RawData);

    /// <summary>A plain MSG (or OPN) chunk: header, security header, sequence header and body; returns it and where the sequence header starts.</summary>
    private static (byte[] Chunk, int SecuredFrom) Plain(byte[] body, bool asymmetric, uint sequenceNumber = 1)
    {
        var header = new List<byte>();
        header.AddRange(asymmetric ? "OPNF"u8.ToArray() : "MSGF"u8.ToArray());
        header.AddRange(new byte[4]);
        header.AddRange(BitConverter.GetBytes(7u));
        if (asymmetric)
        {
            var uri = System.Text.Encoding.UTF8.GetBytes(SecurityPolicyUris.Basic256Sha256);
            header.AddRange(BitConverter.GetBytes(uri.Length));
            header.AddRange(uri);
            header.AddRange(BitConverter.GetBytes(-1));
            header.AddRange(BitConverter.GetBytes(-1));
        }
        else
        {
            header.AddRange(BitConverter.GetBytes(1u));
        }
        var securedFrom = header.Count;
        header.AddRange(BitConverter.GetBytes(sequenceNumber));
        header.AddRange(BitConverter.GetBytes(42u));
        header.AddRange(body);
        var chunk = header.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)chunk.Length);
        return (chunk, securedFrom);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Symmetric_ProtectThenUnprotect_GivesBackSequenceHeaderAndBody(string policy, MessageSecurityMode mode)
    {
        using var security = Loopback(policy, mode);
        using var keys = security.DeriveKeys(Nonce, Nonce)!;
        var body = Enumerable.Range(0, 333).Select(i => (byte)i).ToArray();
        var (chunk, securedFrom) = Plain(body, asymmetric: false);
        var secured = security.Protect(chunk, chunk.Length, securedFrom, keys, asymmetric: false).ToArray();
        BinaryPrimitives.ReadUInt32LittleEndian(secured.AsSpan(4)).ShouldBe((uint)secured.Length);
        if (mode == MessageSecurityMode.SignAndEncrypt)
        {
            secured.AsSpan(securedFrom + 8).IndexOf(body.AsSpan(0, 32)).ShouldBe(-1, "the body must not travel in clear");
        }
        var plain = security.Unprotect(secured, securedFrom, keys, asymmetric: false);
        plain[8..].ToArray().ShouldBe(body);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Asymmetric_ProtectThenUnprotect_GivesBackSequenceHeaderAndBody(string policy, MessageSecurityMode mode)
    {
        using var security = Loopback(policy, mode);
        var body = Enumerable.Range(0, 700).Select(i => (byte)(i * 7)).ToArray();
        var (chunk, securedFrom) = Plain(body, asymmetric: true);
        var secured = security.Protect(chunk, chunk.Length, securedFrom, null, asymmetric: true).ToArray();
        ((secured.Length - securedFrom) % 256).ShouldBe(0);
        security.Unprotect(secured, securedFrom, null, asymmetric: true)[8..].ToArray().ShouldBe(body);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void AnyFlippedByte_IsRefusedAsSecurityChecksFailed(string policy, MessageSecurityMode mode)
    {
        using var security = Loopback(policy, mode);
        using var keys = security.DeriveKeys(Nonce, Nonce)!;
        var (chunk, securedFrom) = Plain(new byte[100], asymmetric: false);
        var secured = security.Protect(chunk, chunk.Length, securedFrom, keys, asymmetric: false).ToArray();
        for (var i = 8; i < secured.Length; i += 7)
        {
            var tampered = (byte[])secured.Clone();
            tampered[i] ^= 0x01;
            var error = Should.Throw<OpcUaConnectionException>(() => security.Unprotect(tampered, securedFrom, keys, asymmetric: false));
            error.StatusCode.Name.ShouldBe("BadSecurityChecksFailed");
        }
    }

    [Fact]
    public void MaxBodySize_FillsAChunkWithoutExceedingIt()
    {
        foreach (var mode in new[] { MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt })
        {
            using var security = Loopback("Basic256Sha256", mode);
            using var keys = security.DeriveKeys(Nonce, Nonce)!;
            var headerSize = 12 + 4 + 8;
            var max = security.MaxBodySize(8192, headerSize, asymmetric: false);
            var (chunk, securedFrom) = Plain(new byte[max], asymmetric: false);
            security.Protect(chunk, chunk.Length, securedFrom, keys, asymmetric: false).Length.ShouldBeLessThanOrEqualTo(8192);
            var (bigger, _) = Plain(new byte[max + 16], asymmetric: false);
            security.Protect(bigger, bigger.Length, securedFrom, keys, asymmetric: false).Length.ShouldBeGreaterThan(8192);
        }
    }

    /// <summary>Random, cut-off and bit-flipped chunks through the whole receive path: only the stack's own errors, bounded allocation.</summary>
    [Theory]
    [InlineData(MessageSecurityMode.Sign)]
    [InlineData(MessageSecurityMode.SignAndEncrypt)]
    public void Fuzz_SecuredReceivePath_OnlyCodecErrors_AndBoundedAllocation(MessageSecurityMode mode)
    {
        using var security = Loopback("Basic256Sha256", mode);
        using var keys = security.DeriveKeys(Nonce, Nonce)!;
        var limits = new NegotiatedLimits(65536, 65536, 0, 0, 1 << 20, 16);
        var random = new Random(1414);
        var (plain, securedFrom) = Plain(new byte[500], asymmetric: false);
        var valid = security.Protect(plain, plain.Length, securedFrom, keys, asymmetric: false).ToArray();
        var (opnPlain, opnFrom) = Plain(new byte[300], asymmetric: true);
        var validOpn = security.Protect(opnPlain, opnPlain.Length, opnFrom, null, asymmetric: true).ToArray();
        for (var i = 0; i < 3000; i++)
        {
            var source = i % 3 == 0 ? validOpn : valid;
            byte[] chunk = (i % 4) switch
            {
                0 => source[..random.Next(8, source.Length)],
                1 => Flip(source, random),
                2 => [.. source[..16], .. RandomBytes(random, random.Next(0, 2000))],
                _ => [.. source[..8], .. RandomBytes(random, random.Next(0, 600))],
            };
            var router = new ResponseRouter(security, () => limits);
            var type = chunk[..3].SequenceEqual("OPN"u8.ToArray()) ? MessageTypes.OpenChannel : MessageTypes.Message;
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                router.Handle(new MessageChunk(type, MessageTypes.Final, chunk), (uint _, out ChannelKeys? found) => { found = keys; return true; });
            }
            catch (Exception ex) when (ex is OpcUaException or Bridge.Adapters.OpcUa.Stack.Codec.OpcUaDecodingException)
            {
            }
            (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan((chunk.Length * 8) + 512 * 1024, "no length field may make the decoder allocate beyond the chunk");
        }
    }

    private static byte[] Flip(byte[] source, Random random)
    {
        var copy = (byte[])source.Clone();
        copy[random.Next(8, copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
