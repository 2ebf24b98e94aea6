using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bridge.Tests.Http;

/// <summary>What reaches the wire is safe: headers cannot be split or smuggled, and an address cannot leave the base URL's path.</summary>
public sealed class HttpOutboundSenderTests : IAsyncLifetime
{
    private RecordingHttpPeer peer = null!;
    private HttpClient client = null!;
    private HttpOutboundSender sender = null!;

    public async Task InitializeAsync()
    {
        peer = await RecordingHttpPeer.StartAsync();
        client = new HttpClient();
        sender = new HttpOutboundSender(client, new HttpAdapterOptions { RetryCount = 0 }, NullLogger.Instance, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await peer.DisposeAsync();
    }

    [Theory]
    [InlineData("a\r\nX-Injected: 1", "U+000D")]
    [InlineData("line\nbreak", "U+000A")]
    [InlineData("nul\0byte", "U+0000")]
    [InlineData("tab\there", "U+0009")]
    [InlineData("del\u007F", "U+007F")]
    [InlineData("next-line\u0085", "U+0085")]
    public async Task HeaderValueWithAControlCharacter_IsRefusedForGood_NamingTheHeader_AndNothingIsSent(string value, string character)
    {
        var error = await Should.ThrowAsync<HttpAdapterException>(() => sender.SendAsync(Envelope(headers: new() { ["X-Note"] = value }), CancellationToken.None));
        error.Permanent.ShouldBeTrue();
        error.Message.ShouldContain("header 'X-Note'");
        error.Message.ShouldContain(character);
        error.Message.ShouldNotContain("\n");
        peer.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task IdempotencyKeyWithALineBreak_IsRefused()
    {
        var error = await Should.ThrowAsync<HttpAdapterException>(() => sender.SendAsync(Envelope() with { IdempotencyKey = "k\r\nX: y" }, CancellationToken.None));
        error.Permanent.ShouldBeTrue();
        error.Message.ShouldContain("header 'Idempotency-Key'");
        peer.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("X Note")]
    [InlineData("X-Note:")]
    [InlineData("X-Note\r\nX-Injected")]
    [InlineData("")]
    public async Task HeaderNameThatIsNotAToken_IsRefused(string name)
    {
        var error = await Should.ThrowAsync<HttpAdapterException>(() => sender.SendAsync(Envelope(headers: new() { [name] = "v" }), CancellationToken.None));
        error.Permanent.ShouldBeTrue();
        peer.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task MethodOrContentTypeWithALineBreak_IsRefused()
    {
        var method = await Should.ThrowAsync<HttpAdapterException>(() => sender.SendAsync(Envelope(properties: new() { ["method"] = "GET\r\nX: y" }), CancellationToken.None));
        method.Permanent.ShouldBeTrue();
        method.Message.ShouldContain("method 'GET\\u000D\\u000AX: y'");
        var contentType = await Should.ThrowAsync<HttpAdapterException>(() => sender.SendAsync(Envelope() with { ContentType = "text/plain\r\nX: y" }, CancellationToken.None));
        contentType.Permanent.ShouldBeTrue();
        peer.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task NonAsciiHeaderValue_IsSentAsAnRfc8187ExtValue_AsciiValuesAsTheyAre()
    {
        await sender.SendAsync(Envelope(headers: new() { ["X-Name"] = "Grüße – 50%", ["X-Plain"] = "50% off; a=\"b\"" }), CancellationToken.None);
        var request = peer.Requests.Single();
        request.Headers["X-Name"].ShouldBe("UTF-8''Gr%C3%BC%C3%9Fe%20%E2%80%93%2050%25");
        Uri.UnescapeDataString(request.Headers["X-Name"]["UTF-8''".Length..]).ShouldBe("Grüße – 50%");
        request.Headers["X-Plain"].ShouldBe("50% off; a=\"b\"");
    }

    [Theory]
    [InlineData("../admin")]
    [InlineData("orders/../../admin")]
    [InlineData("./orders")]
    [InlineData("orders/%2e%2e/%2E%2E/admin")]
    [InlineData("orders/..%2Fadmin")]
    [InlineData("orders/..%5Cadmin")]
    [InlineData("orders\\..\\..\\admin")]
    [InlineData("orders/%252e%252e/admin")]
    [InlineData("..")]
    public async Task AddressWithDotSegments_IsRefusedForGood(string address)
    {
        var error = await Should.ThrowAsync<HttpAdapterException>(() => sender.SendAsync(Envelope(address), CancellationToken.None));
        error.Permanent.ShouldBeTrue();
        error.Message.ShouldContain("'.' or '..' segment");
        peer.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("orders/42", "/erp/api/orders/42")]
    [InlineData("/orders/42", "/erp/api/orders/42")]
    [InlineData("//elsewhere.example/orders", "/erp/api/elsewhere.example/orders")]
    [InlineData("orders/a%2Fb", "/erp/api/orders/a%2Fb")]
    [InlineData("orders/..x/x..", "/erp/api/orders/..x/x..")]
    [InlineData("orders/42?next=../x", "/erp/api/orders/42")]
    public async Task AddressInsideTheBasePath_ReachesThePeerThere(string address, string path)
    {
        await sender.SendAsync(Envelope(address), CancellationToken.None);
        peer.Requests.Single().Path.ShouldBe(path);
    }

    private OutboundEnvelope Envelope(string address = "orders/42", Dictionary<string, string>? headers = null, Dictionary<string, string>? properties = null) => new(
        "erp",
        address,
        "application/json",
        Encoding.UTF8.GetBytes("{}"),
        headers ?? [],
        properties ?? [],
        new Dictionary<string, string> { ["baseUrl"] = new Uri(peer.Url, "/erp/api").ToString() },
        "key-1");
}
