using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack.Client;
using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Security;

namespace Bridge.Tests.OpcUa;

/// <summary>
/// A PKI folder for Bridge whose certificate the node-opcua test server trusts (through its TrustClientCertificate
/// test method, called over the None endpoint) and which trusts the server's certificate in turn.
/// </summary>
internal sealed class SecuredTestClient : IDisposable
{
    public const string ApplicationUri = "urn:bridge:opcua-client";

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
        var pki = new PkiStore(Path.Combine(Path.GetTempPath(), "bridge-pki-" + Guid.NewGuid().ToString("N")));
        var certificate = ApplicationCertificate.LoadOrCreate(pki, ApplicationUri, TimeProvider.System);
        await using var plain = await OpcUaClient.ConnectAsync(new OpcUaClientOptions { EndpointUrl = url, Reconnect = false });
        if (trustServer)
        {
            using var server = X509CertificateLoader.LoadCertificate(CertificateBlobs.Leaf(plain.Endpoint.ServerCertificate!));
            pki.Trust(server);
        }
        if (trustedByServer)
        {
            var result = await plain.CallMethodAsync(NodeId.Parse("ns=1;s=Methods"), NodeId.Parse("ns=1;s=Methods.TrustClientCertificate"), [new Variant(BuiltInType.ByteString, certificate.RawData)]);
            result.StatusCode.IsGood.ShouldBeTrue();
        }
        return new SecuredTestClient(url, pki, certificate);
    }

    public OpcUaClientOptions Options(string policy, string mode) => new()
    {
        EndpointUrl = Url,
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
