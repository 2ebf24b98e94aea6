using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>The parts of an X.509 CRL (RFC 5280, 5.1) Bridge needs: issuer, revoked serial numbers, the signed bytes and their signature.</summary>
internal sealed class RevocationList
{
    private readonly List<byte[]> serials = [];
    private byte[] signedPart = [];
    private byte[] signature = [];

    public X500DistinguishedName Issuer { get; private set; } = new("");

    public static RevocationList? TryRead(byte[] bytes)
    {
        try
        {
            if (bytes.Length > 0 && bytes[0] == (byte)'-')
            {
                bytes = PemEncoding.Find(System.Text.Encoding.ASCII.GetString(bytes)) is var pem
                    ? Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(bytes)[pem.Base64Data])
                    : bytes;
            }
            var list = new RevocationList();
            var outer = new AsnReader(bytes, AsnEncodingRules.DER).ReadSequence();
            list.signedPart = outer.ReadEncodedValue().ToArray();
            var tbs = new AsnReader(list.signedPart, AsnEncodingRules.DER).ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                tbs.ReadInteger();
            }
            tbs.ReadSequence();
            list.Issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
            tbs.ReadEncodedValue();
            if (tbs.HasData && (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbs.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
            {
                tbs.ReadEncodedValue();
            }
            if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var revoked = tbs.ReadSequence();
                while (revoked.HasData)
                {
                    var entry = revoked.ReadSequence();
                    list.serials.Add(Trim(entry.ReadIntegerBytes().Span));
                }
            }
            outer.ReadSequence();
            list.signature = outer.ReadBitString(out _);
            return list;
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException or FormatException)
        {
            return null;
        }
    }

    public bool IsSignedBy(RSA issuerKey) => issuerKey.VerifyData(signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public bool Revokes(ReadOnlySpan<byte> serialNumber)
    {
        var wanted = Trim(serialNumber);
        return serials.Any(s => s.AsSpan().SequenceEqual(wanted));
    }

    private static byte[] Trim(ReadOnlySpan<byte> integer)
    {
        var start = 0;
        while (start < integer.Length - 1 && integer[start] == 0)
        {
            start++;
        }
        return integer[start..].ToArray();
    }
}
