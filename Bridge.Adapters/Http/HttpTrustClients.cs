using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Bridge.Adapters.Http;

/// <summary>
/// One <see cref="HttpClient"/> per distinct <see cref="HttpTrust"/> other than the default (which uses the adapter's
/// factory client and the machine's roots). A CA file is read when its client is first needed; the host name must
/// still match the certificate.
/// </summary>
internal sealed class HttpTrustClients : IDisposable
{
    private readonly ConcurrentDictionary<HttpTrust, Lazy<HttpClient>> _clients = new();

    public HttpClient For(HttpTrust trust) => _clients.GetOrAdd(trust, t => new Lazy<HttpClient>(() => Create(t))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }

    private static HttpClient Create(HttpTrust trust)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (!trust.Verify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (trust.CaFile is { } file)
        {
            var roots = new X509Certificate2Collection();
            try
            {
                roots.ImportFromPemFile(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw HttpAdapterException.Refused($"CA file '{file}' cannot be read: {ex.Message}", ex);
            }

            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && ChainsTo(certificate, roots);
        }

        return new HttpClient(handler, disposeHandler: true);
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (certificate is X509Certificate2 presented)
        {
            return chain.Build(presented);
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
