using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.SecureChannel;
using Bridge.Adapters.OpcUa.Stack.Security;

namespace Bridge.Tests.OpcUa;

/// <summary>
/// A PKI folder for Bridge whose certificate the node-opcua test server trusts (through its TrustClientCertificate
/// test method, called over the None endpoint) and which trusts the server's certificate in turn. Tests share one
/// trusted client certificate (RSA keys and trust calls are slow on a loaded machine); a test of an untrusted
/// client gets a certificate of its own.
/// </summary>
internal sealed class SecuredTestClient : IDisposable
{
    public const string ApplicationUri = "urn:bridge:opcua-client";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static (X509Certificate2 Client, byte[] Server)? shared;

    private SecuredTestClient(string url, PkiStore pki, X509Certificate2 certificate)
    {
        Url = url;
        Pki = pki;
        Certificate = certificate;
    }

    public string Url { get; }

    public PkiStore Pki { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>A fresh PKI folder; <paramref name="trustServer"/> and <paramref name="trustedByServer"/> set up the two trust lists.</summary>
    public static async Task<SecuredTestClient?> CreateAsync(bool trustServer = true, bool trustedByServer = true)
    {
        var url = OpcUaTestServer.Url;
        if (url is null)
        {
            return null;
        }
        var (sharedClient, serverCertificate) = await SharedAsync(url);
        var pki = new PkiStore(Path.Combine(Path.GetTempPath(), "bridge-pki-" + Guid.NewGuid().ToString("N")));
        if (trustedByServer)
        {
            ApplicationCertificate.Save(pki, sharedClient);
        }
        var certificate = ApplicationCertificate.LoadOrCreate(pki, ApplicationUri, TimeProvider.System);
        if (trustServer)
        {
            using var server = X509CertificateLoader.LoadCertificate(serverCertificate);
            pki.Trust(server);
        }
        return new SecuredTestClient(url, pki, certificate);
    }

    /// <summary>Creates the shared client certificate and has the server trust it, once per test run.</summary>
    private static async Task<(X509Certificate2 Client, byte[] Server)> SharedAsync(string url)
    {
        await SharedGate.WaitAsync();
        try
        {
            if (shared is { } known)
            {
                return known;
            }
            var client = ApplicationCertificate.Create(ApplicationUri, "Bridge", "localhost", DateTimeOffset.UtcNow, TimeSpan.FromDays(30));
            await using var plain = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url, Reconnect = false, Channel = new SecureChannelOptions { RequestTimeout = Timeout } });
            var result = await plain.CallMethodAsync(NodeId.Parse("ns=1;s=Methods"), NodeId.Parse("ns=1;s=Methods.TrustClientCertificate"), [new Variant(BuiltInType.ByteString, client.RawData)]);
            result.StatusCode.IsGood.ShouldBeTrue();
            shared = (client, CertificateBlobs.Leaf(plain.Endpoint.ServerCertificate!));
            return shared.Value;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    public OpcUaClientOptions Options(string policy, string mode) => new()
    {
        EndpointUrl = Url,
        Channel = new SecureChannelOptions { RequestTimeout = Timeout },
        Reconnect = false,
        Security = new ClientSecurityOptions { Policy = policy, Mode = mode, PkiDir = Pki.Root },
    };

    public void Dispose()
    {
        Certificate.Dispose();
        try
        {
            Directory.Delete(Pki.Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
