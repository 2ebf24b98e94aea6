using System.Formats.Asn1;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>A certificate field may carry a chain (DER certificates back to back): the first is the application's own.</summary>
public static class CertificateBlobs
{
    public static byte[] Leaf(byte[] blob) => Split(blob)[0];

    public static IReadOnlyList<byte[]> Split(byte[] blob)
    {
        var parts = new List<byte[]>();
        var rest = blob.AsMemory();
        try
        {
            while (!rest.IsEmpty)
            {
                AsnDecoder.ReadEncodedValue(rest.Span, AsnEncodingRules.DER, out _, out _, out var consumed);
                parts.Add(rest[..consumed].ToArray());
                rest = rest[consumed..];
            }
        }
        catch (AsnContentException ex)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadCertificateInvalid), $"Certificate is not DER: {ex.Message}");
        }
        if (parts.Count == 0)
        {
            throw new OpcUaException(new StatusCode(StatusCodes.BadCertificateInvalid), "Certificate is empty");
        }
        return parts;
    }
}
