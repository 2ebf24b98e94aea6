using System.Net;
using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Tests.Operations.Tls;

/// <summary>
/// Outbound HTTPS verifies the receiver's certificate: a receiver whose certificate a private CA signed is refused
/// with the machine's roots, accepted with that CA as the system's <c>caFile</c>, refused with another CA's file, and
/// accepted without any check only where the system says <c>tlsVerify: false</c>.
/// </summary>
public sealed class OutboundTlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bridge-tls-").FullName;
    private readonly TestCertificates _plantCa = TestCertificates.CreateAuthority("Plant CA (test)");
    private readonly TestCertificates _otherCa = TestCertificates.CreateAuthority("Other CA (test)");
    private WebApplication _receiver = null!;
    private int _received;

    public async Task InitializeAsync()
    {
        var certificate = _plantCa.IssueServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        _receiver = builder.Build();
        _receiver.MapPost("/wms/picks", () =>
        {
            Interlocked.Increment(ref _received);
            return Results.Accepted();
        });
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _plantCa.Dispose();
        _otherCa.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Send_ToPrivateCaReceiver_WithoutItsCa_IsRefused()
    {
        using var sender = Sender();

        var error = await Should.ThrowAsync<HttpAdapterException>(() => sender.SendAsync(Envelope([]), CancellationToken.None));

        error.Message.ShouldContain("SSL");
        _received.ShouldBe(0);
    }

    [Fact]
    public async Task Send_WithTheSystemsCaFile_IsAccepted()
    {
        using var sender = Sender();

        await sender.SendAsync(Envelope(new() { ["caFile"] = _plantCa.WriteAuthorityPem(_directory) }), CancellationToken.None);

        _received.ShouldBe(1);
    }

    [Fact]
    public async Task Send_WithAnotherCasFile_IsRefused()
    {
        using var sender = Sender();
        var other = Path.Combine(_directory, "other");
        Directory.CreateDirectory(other);

        await Should.ThrowAsync<HttpAdapterException>(() =>
            sender.SendAsync(Envelope(new() { ["caFile"] = _otherCa.WriteAuthorityPem(other) }), CancellationToken.None));

        _received.ShouldBe(0);
    }

    [Fact]
    public async Task Send_WithVerificationOffForTheSystem_IsAccepted_AndAMissingCaFileIsAPermanentRefusal()
    {
        using var sender = Sender();

        await sender.SendAsync(Envelope(new() { ["tlsVerify"] = "false" }), CancellationToken.None);
        var missing = await Should.ThrowAsync<HttpAdapterException>(() =>
            sender.SendAsync(Envelope(new() { ["caFile"] = Path.Combine(_directory, "absent.pem") }), CancellationToken.None));

        _received.ShouldBe(1);
        missing.Message.ShouldContain("absent.pem");
    }

    private static HttpOutboundSender Sender() =>
        new(new HttpClient(), new HttpAdapterOptions { RetryCount = 0 }, NullLogger.Instance, TimeProvider.System);

    private OutboundEnvelope Envelope(Dictionary<string, string> trust)
    {
        trust["baseUrl"] = new Uri(_receiver.Urls.First()).AbsoluteUri.TrimEnd('/') + "/wms";
        return new OutboundEnvelope("wms-a", "picks", "application/json", Encoding.UTF8.GetBytes("{}"),
            new Dictionary<string, string>(), new Dictionary<string, string>(), trust, "key-1");
    }
}
