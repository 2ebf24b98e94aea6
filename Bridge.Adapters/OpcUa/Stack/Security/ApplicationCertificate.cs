using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack.Codec;

namespace Bridge.Adapters.OpcUa.Stack.Security;

/// <summary>
/// Bridge's application instance certificate (Part 6, 6.2.2): loaded from <c>own/</c>, or created there at first
/// start — self-signed, RSA 2048, SHA-256, the application URI and host name in the subject alternative name.
/// </summary>
public static class ApplicationCertificate
{
    private const string CertificateFile = "bridge.der";
    private const string KeyFile = "bridge.key.pem";

    public static X509Certificate2 LoadOrCreate(PkiStore store, string applicationUri, TimeProvider time, TimeSpan? validity = null)
    {
        store.EnsureLayout();
        var certificatePath = Path.Combine(store.OwnCerts, CertificateFile);
        var keyPath = Path.Combine(store.OwnPrivate, KeyFile);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(keyPath));
            using var loaded = X509CertificateLoader.LoadCertificateFromFile(certificatePath);
            var certificate = loaded.CopyWithPrivateKey(rsa);
            var uri = CertificateValidator.ApplicationUri(certificate);
            if (uri != applicationUri)
            {
                throw new OpcUaException(new StatusCode(StatusCodes.BadCertificateUriInvalid),
                    $"The application certificate in {store.OwnCerts} is for '{uri}', but Bridge's application URI is '{applicationUri}': delete own/ to create a new one, or configure that URI");
            }
            return certificate;
        }
        var created = Create(applicationUri, "Bridge", Dns.GetHostName(), time.GetUtcNow(), validity ?? TimeSpan.FromDays(5 * 365));
        Save(store, created);
        return created;
    }

    /// <summary>Stores a certificate with its key as Bridge's own (one issued by a plant CA, say), replacing any other.</summary>
    public static void Save(PkiStore store, X509Certificate2 certificate)
    {
        store.EnsureLayout();
        var keyPath = Path.Combine(store.OwnPrivate, KeyFile);
        File.WriteAllBytes(Path.Combine(store.OwnCerts, CertificateFile), certificate.RawData);
        using (var key = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate)))
        {
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>A self-signed application certificate; the tests use it with odd URIs and validity windows.</summary>
    public static X509Certificate2 Create(string applicationUri, string commonName, string hostName, DateTimeOffset notBefore, TimeSpan validity, int keySize = 2048)
    {
        using var rsa = RSA.Create(keySize);
        var request = new CertificateRequest($"CN={commonName}, O=Bridge, DC={hostName}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri(applicationUri));
        san.AddDnsName(hostName);
        if (IPAddress.TryParse(hostName, out var address))
        {
            san.AddIpAddress(address);
        }
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var start = notBefore.AddMinutes(-5);
        using var certificate = request.CreateSelfSigned(start, start + validity);
        // Re-import so the key is usable on every platform (an ephemeral key cannot always sign after export).
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }
}
