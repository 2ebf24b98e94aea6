using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bridge.Adapters.OpcUa.Stack;
using Bridge.Adapters.OpcUa.Stack.Security;
using Bridge.Tests.Persistence;

namespace Bridge.Tests.OpcUa.Stack.Security;

public sealed class CertificateValidatorTests : IDisposable
{
    private const string Uri = "urn:plant:line1";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly PkiStore store = new(Path.Combine(Path.GetTempPath(), "bridge-validator-" + Guid.NewGuid().ToString("N")));
    private readonly CertificateValidator validator;

    public CertificateValidatorTests()
    {
        store.EnsureLayout();
        validator = new CertificateValidator(store, new FixedTimeProvider(Now));
    }

    private static X509Certificate2 Server(string uri = Uri, string host = "127.0.0.1", DateTimeOffset? from = null, int days = 365) =>
        ApplicationCertificate.Create(uri, "PLC", host, from ?? Now.AddDays(-1), TimeSpan.FromDays(days));

    [Fact]
    public void Trusted_ValidForUriAndHost_IsAccepted()
    {
        using var server = Server();
        store.Trust(server);
        validator.Validate(server.RawData, Uri, "127.0.0.1");
    }

    [Fact]
    public void Untrusted_IsRefused_CopiedToRejected_AndTheMessageSaysHowToTrustIt()
    {
        using var server = Server();
        var error = Should.Throw<OpcUaException>(() => validator.Validate(server.RawData, Uri, "127.0.0.1"));
        error.StatusCode.Name.ShouldBe("BadCertificateUntrusted");
        error.Message.ShouldContain($"bridge opcua cert trust {server.Thumbprint} --pki {store.Root}");
        store.Rejected().ShouldHaveSingleItem().Thumbprint.ShouldBe(server.Thumbprint);
    }

    [Fact]
    public void Expired_IsRefusedWithItsValidity()
    {
        using var server = Server(from: Now.AddDays(-400), days: 30);
        store.Trust(server);
        var error = Should.Throw<OpcUaException>(() => validator.Validate(server.RawData, Uri, "127.0.0.1"));
        error.StatusCode.Name.ShouldBe("BadCertificateTimeInvalid");
        error.Message.ShouldContain("not now (2026-06-01 12:00:00Z)");
    }

    [Fact]
    public void NotYetValid_IsRefused()
    {
        using var server = Server(from: Now.AddDays(10));
        store.Trust(server);
        Should.Throw<OpcUaException>(() => validator.Validate(server.RawData, Uri, "127.0.0.1")).StatusCode.Name.ShouldBe("BadCertificateTimeInvalid");
    }

    [Fact]
    public void WrongApplicationUri_IsRefusedNamingBoth()
    {
        using var server = Server(uri: "urn:plant:someone-else");
        store.Trust(server);
        var error = Should.Throw<OpcUaException>(() => validator.Validate(server.RawData, Uri, "127.0.0.1"));
        error.StatusCode.Name.ShouldBe("BadCertificateUriInvalid");
        error.Message.ShouldContain("'urn:plant:someone-else'");
        error.Message.ShouldContain($"'{Uri}'");
    }

    [Fact]
    public void WrongHost_IsRefused()
    {
        using var server = Server(host: "plc-7.plant.local");
        store.Trust(server);
        var error = Should.Throw<OpcUaException>(() => validator.Validate(server.RawData, Uri, "10.1.2.3"));
        error.StatusCode.Name.ShouldBe("BadCertificateHostNameInvalid");
        error.Message.ShouldContain("plc-7.plant.local");
    }

    [Fact]
    public void IssuedByATrustedCa_IsAccepted_AndRevokedByItsCrl_IsRefused()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Plant CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(5));
        using var serverKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=PLC", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri(Uri));
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var server = request.Create(ca, Now.AddDays(-1), Now.AddDays(300), [0x10, 0x01]);
        store.Trust(ca);
        validator.Validate(server.RawData, Uri, "127.0.0.1");

        var crl = new CertificateRevocationListBuilder();
        crl.AddEntry(server.SerialNumberBytes.Span, Now.AddHours(-1));
        File.WriteAllBytes(Path.Combine(store.TrustedCrl, "plant-ca.crl"), crl.Build(ca, 1, Now.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, Now.AddHours(-1)));
        var error = Should.Throw<OpcUaException>(() => validator.Validate(server.RawData, Uri, "127.0.0.1"));
        error.StatusCode.Name.ShouldBe("BadCertificateRevoked");
    }

    [Fact]
    public void ApplicationCertificate_IsCreatedOnce_WithUriAndRsa2048Sha256()
    {
        using var created = ApplicationCertificate.LoadOrCreate(store, "urn:bridge:test", TimeProvider.System);
        using var loaded = ApplicationCertificate.LoadOrCreate(store, "urn:bridge:test", TimeProvider.System);
        loaded.Thumbprint.ShouldBe(created.Thumbprint);
        loaded.HasPrivateKey.ShouldBeTrue();
        CertificateValidator.ApplicationUri(loaded).ShouldBe("urn:bridge:test");
        loaded.GetRSAPublicKey()!.KeySize.ShouldBe(2048);
        loaded.SignatureAlgorithm.FriendlyName.ShouldBe("sha256RSA");
        Should.Throw<OpcUaException>(() => ApplicationCertificate.LoadOrCreate(store, "urn:bridge:other", TimeProvider.System)).StatusCode.Name.ShouldBe("BadCertificateUriInvalid");
    }

    public void Dispose() => Directory.Delete(store.Root, recursive: true);
}
