using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>
/// A PKI folder in the usual OPC UA layout: <c>own/certs</c> and <c>own/private</c> (Bridge's application
/// certificate and key), <c>trusted/certs</c> and <c>trusted/crl</c> (servers and CAs Bridge trusts, with their
/// revocation lists), <c>issuers/certs</c> and <c>issuers/crl</c> (CAs used only to build chains) and
/// <c>rejected/certs</c> (server certificates that were refused, waiting for an operator to trust them).
/// </summary>
public sealed class PkiStore(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string OwnCerts => Path.Combine(Root, "own", "certs");

    public string OwnPrivate => Path.Combine(Root, "own", "private");

    public string TrustedCerts => Path.Combine(Root, "trusted", "certs");

    public string TrustedCrl => Path.Combine(Root, "trusted", "crl");

    public string IssuerCerts => Path.Combine(Root, "issuers", "certs");

    public string IssuerCrl => Path.Combine(Root, "issuers", "crl");

    public string RejectedCerts => Path.Combine(Root, "rejected", "certs");

    public void EnsureLayout()
    {
        foreach (var dir in new[] { OwnCerts, OwnPrivate, TrustedCerts, TrustedCrl, IssuerCerts, IssuerCrl, RejectedCerts })
        {
            Directory.CreateDirectory(dir);
        }
    }

    /// <summary>The file name a certificate gets in any folder: its common name and SHA-1 thumbprint.</summary>
    public static string FileName(X509Certificate2 certificate)
    {
        var name = certificate.GetNameInfo(X509NameType.SimpleName, false);
        var safe = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        return $"{(safe.Length == 0 ? "certificate" : safe)} [{certificate.Thumbprint}].der";
    }

    public IReadOnlyList<X509Certificate2> Trusted() => Load(TrustedCerts);

    public IReadOnlyList<X509Certificate2> Issuers() => Load(IssuerCerts);

    public IReadOnlyList<X509Certificate2> Rejected() => Load(RejectedCerts);

    public IEnumerable<string> CrlFiles() =>
        new[] { TrustedCrl, IssuerCrl }.Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d)).Order(StringComparer.Ordinal);

    public bool IsTrusted(X509Certificate2 certificate) => Trusted().Any(t => t.Thumbprint == certificate.Thumbprint);

    /// <summary>Copies a refused certificate to <c>rejected/certs</c>; returns its path.</summary>
    public string Reject(X509Certificate2 certificate)
    {
        Directory.CreateDirectory(RejectedCerts);
        var path = Path.Combine(RejectedCerts, FileName(certificate));
        File.WriteAllBytes(path, certificate.RawData);
        return path;
    }

    /// <summary>Adds a certificate to <c>trusted/certs</c> and removes it from <c>rejected/certs</c>; returns its path.</summary>
    public string Trust(X509Certificate2 certificate)
    {
        Directory.CreateDirectory(TrustedCerts);
        var path = Path.Combine(TrustedCerts, FileName(certificate));
        File.WriteAllBytes(path, certificate.RawData);
        Delete(RejectedCerts, certificate.Thumbprint);
        return path;
    }

    /// <summary>Moves a trusted certificate to <c>rejected/certs</c>; false when it was not trusted.</summary>
    public bool Untrust(X509Certificate2 certificate)
    {
        var removed = Delete(TrustedCerts, certificate.Thumbprint);
        Reject(certificate);
        return removed;
    }

    /// <summary>A certificate of any folder by (a prefix of) its SHA-1 thumbprint, or from a file path.</summary>
    public X509Certificate2? Find(string thumbprintOrPath)
    {
        if (File.Exists(thumbprintOrPath))
        {
            return LoadFile(thumbprintOrPath);
        }
        var all = Rejected().Concat(Trusted()).Concat(Issuers());
        var matches = all.Where(c => c.Thumbprint.StartsWith(thumbprintOrPath, StringComparison.OrdinalIgnoreCase)).DistinctBy(c => c.Thumbprint).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static bool Delete(string dir, string thumbprint)
    {
        var removed = false;
        if (!Directory.Exists(dir))
        {
            return false;
        }
        foreach (var file in Directory.EnumerateFiles(dir))
        {
            var certificate = TryLoad(file);
            if (certificate?.Thumbprint == thumbprint)
            {
                File.Delete(file);
                removed = true;
            }
        }
        return removed;
    }

    private static List<X509Certificate2> Load(string dir) =>
        Directory.Exists(dir) ? [.. Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).Select(TryLoad).OfType<X509Certificate2>()] : [];

    private static X509Certificate2? TryLoad(string file)
    {
        try
        {
            return LoadFile(file);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static X509Certificate2 LoadFile(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return bytes.Length > 0 && bytes[0] == (byte)'-'
            ? X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(bytes))
            : X509CertificateLoader.LoadCertificate(bytes);
    }
}
