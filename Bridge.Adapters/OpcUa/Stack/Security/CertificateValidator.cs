using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>
/// Decides whether Bridge talks to a server certificate (Part 4, 6.1.3): trusted (itself or through a CA in
/// <c>trusted/</c>, with <c>issuers/</c> for intermediates), within its validity, issued for the server's
/// application URI and the endpoint's host, usable for signing and encryption, not revoked by a CRL present in
/// the PKI folder. An untrusted certificate is copied to <c>rejected/</c> and the error says how to trust it.
/// </summary>
public sealed class CertificateValidator(PkiStore store, TimeProvider time)
{
    private const string SubjectAltNameOid = "2.5.29.17";

    public void Validate(byte[] certificateBlob, string? applicationUri, string host)
    {
        var parts = CertificateBlobs.Split(certificateBlob);
        using var certificate = X509CertificateLoader.LoadCertificate(parts[0]);
        var issuer = Trust(certificate, parts.Skip(1));
        var now = time.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            throw Refused(StatusCodes.BadCertificateTimeInvalid,
                $"Server certificate '{certificate.Subject}' is valid from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}, not now ({now.UtcDateTime:u})");
        }
        var uri = ApplicationUri(certificate);
        if (!string.IsNullOrEmpty(applicationUri) && uri != applicationUri)
        {
            throw Refused(StatusCodes.BadCertificateUriInvalid,
                $"Server certificate '{certificate.Subject}' names application URI '{uri ?? "(none)"}', but the server describes itself as '{applicationUri}'");
        }
        var names = HostNames(certificate);
        if (!names.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            throw Refused(StatusCodes.BadCertificateHostNameInvalid,
                $"Server certificate '{certificate.Subject}' is for {string.Join(", ", names.DefaultIfEmpty("no host"))}, not for the endpoint's host {host}");
        }
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is not null && (!usage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature) || !usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyEncipherment)))
        {
            throw Refused(StatusCodes.BadCertificateUseNotAllowed, $"Server certificate '{certificate.Subject}' may not be used for signing and key encipherment ({usage.KeyUsages})");
        }
        using var key = certificate.GetRSAPublicKey();
        if (key is null || key.KeySize < SecurityAlgorithms.MinimumKeySize || key.KeySize > SecurityAlgorithms.MaximumKeySize)
        {
            throw Refused(StatusCodes.BadCertificateInvalid, $"Server certificate '{certificate.Subject}' needs an RSA key of 2048 to 4096 bits");
        }
        CheckRevocation(certificate, issuer);
    }

    /// <summary>Returns the certificate that issued <paramref name="certificate"/> (itself when self-signed and trusted).</summary>
    private X509Certificate2 Trust(X509Certificate2 certificate, IEnumerable<byte[]> sentChain)
    {
        var trusted = store.Trusted();
        var direct = trusted.FirstOrDefault(t => t.Thumbprint == certificate.Thumbprint);
        if (direct is not null)
        {
            return trusted.FirstOrDefault(t => t.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData)) ?? direct;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = true;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(store.Issuers().ToArray());
        foreach (var part in sentChain)
        {
            chain.ChainPolicy.ExtraStore.Add(X509CertificateLoader.LoadCertificate(part));
        }
        if (trusted.Count > 0 && chain.Build(certificate) && chain.ChainElements.Count > 1)
        {
            return chain.ChainElements[1].Certificate;
        }
        var path = store.Reject(certificate);
        throw Refused(StatusCodes.BadCertificateUntrusted,
            $"Server certificate '{certificate.Subject}' (thumbprint {certificate.Thumbprint}) is not trusted; it was copied to {path}. " +
            $"If it is the right server, trust it: bridge opcua cert trust {certificate.Thumbprint} --pki {store.Root}");
    }

    private void CheckRevocation(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        foreach (var file in store.CrlFiles())
        {
            var crl = RevocationList.TryRead(File.ReadAllBytes(file));
            if (crl is null || !crl.Issuer.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
            {
                continue;
            }
            using var issuerKey = issuer.GetRSAPublicKey();
            if (issuerKey is null || !crl.IsSignedBy(issuerKey))
            {
                throw Refused(StatusCodes.BadCertificateRevocationUnknown, $"CRL {file} for '{crl.Issuer.Name}' is not signed by the certificate's issuer");
            }
            if (crl.Revokes(certificate.SerialNumberBytes.Span))
            {
                throw Refused(StatusCodes.BadCertificateRevoked, $"Server certificate '{certificate.Subject}' (serial {certificate.SerialNumber}) is revoked by {file}");
            }
        }
    }

    public static string? ApplicationUri(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[SubjectAltNameOid];
        if (extension is null)
        {
            return null;
        }
        try
        {
            var names = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
            var uriTag = new Asn1Tag(TagClass.ContextSpecific, 6);
            while (names.HasData)
            {
                if (names.PeekTag().HasSameClassAndValue(uriTag))
                {
                    return names.ReadCharacterString(UniversalTagNumber.IA5String, uriTag);
                }
                names.ReadEncodedValue();
            }
        }
        catch (AsnContentException)
        {
        }
        return null;
    }

    public static List<string> HostNames(X509Certificate2 certificate)
    {
        var san = AlternativeNames(certificate);
        return san is null ? [] : [.. san.EnumerateDnsNames(), .. san.EnumerateIPAddresses().Select(a => a.ToString())];
    }

    private static X509SubjectAlternativeNameExtension? AlternativeNames(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions[SubjectAltNameOid];
        return extension is null ? null : new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
    }

    private static OpcUaException Refused(uint code, string message) => new(new StatusCode(code), message);

    /// <summary>True when <paramref name="host"/> is an IP address or name the certificate could carry.</summary>
    public static bool IsAddress(string host) => IPAddress.TryParse(host, out _);
}
