using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Bridge.Tests.Integration;
using Bridge.Tests.Operations.Auth;

namespace Bridge.Tests.Operations.Tls;

/// <summary>
/// The host serves HTTPS with a configured certificate (Kestrel:Certificates:Default), made in the test: a client
/// that trusts the test CA signs in and reads; a client with only the machine's roots cannot even connect.
/// </summary>
public sealed class HttpsHostTests
{
    [Fact]
    public async Task Host_WithConfiguredCertificate_ServesHttps_ThatVerifiesAgainstItsCa()
    {
        using var ca = TestCertificates.CreateAuthority("Bridge host CA (test)");
        using var certificate = ca.IssueServer();
        var directory = Directory.CreateTempSubdirectory("bridge-https-").FullName;
        var pfx = Path.Combine(directory, "bridge.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "test-password"));
        try
        {
            await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?>
            {
                ["Urls"] = "https://127.0.0.1:0",
                ["Kestrel:Certificates:Default:Path"] = pfx,
                ["Kestrel:Certificates:Default:Password"] = "test-password",
            });
            host.BaseUrl.Scheme.ShouldBe("https");

            using var trusting = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, cert, _, errors) => Trusted(ca, cert, errors) },
            }) { BaseAddress = host.BaseUrl };
            (await trusting.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
            trusting.AsOperator();
            (await trusting.GetAsync("/api/status")).StatusCode.ShouldBe(HttpStatusCode.OK);

            using var machineRoots = host.Anonymous();
            var refused = await Should.ThrowAsync<HttpRequestException>(() => machineRoots.GetAsync("/health/live"));
            refused.InnerException.ShouldBeOfType<System.Security.Authentication.AuthenticationException>();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool Trusted(TestCertificates ca, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca.Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build((X509Certificate2)presented);
    }
}
