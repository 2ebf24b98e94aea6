using System.Net;
using System.Text;
using System.Text.Json;
using Bridge.Tests.Mappings;
using Bridge.Tests.Operations.Auth;

namespace Bridge.Tests.Http;

/// <summary>
/// What one inbound request may hold is bounded (issue 12 R4: a host must not take in whatever it is sent): a body
/// over the HTTP adapter's MaxBodyBytes is refused with 413 naming the limit and the setting, whether its length was
/// announced or it came chunked; a body within the limit is read whole.
/// </summary>
public sealed class InboundBodyLimitTests
{
    private const int Limit = 100_000;

    [Fact]
    public async Task BodyOverTheLimit_Is413_NamingTheLimitAndTheSetting_AnnouncedOrChunked()
    {
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?> { ["Bridge:Adapters:Http:default:MaxBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var erp = host.System(AuthTestHost.ErpKey);
        var tooLarge = Encoding.UTF8.GetBytes("{\"order\":\"" + new string('x', Limit) + "\"}");

        using var announced = new ByteArrayContent(tooLarge);
        announced.Headers.ContentType = new("application/json");
        await ShouldBe413Async(await erp.PostAsync("/api/inbound/erp/production-order", announced), $"body of {tooLarge.Length} bytes exceeds the limit of {Limit} bytes");

        // No Content-Length: read until the limit is passed, then refused.
        using var chunked = new StreamContent(new UnseekableStream(tooLarge));
        chunked.Headers.ContentType = new("application/json");
        await ShouldBe413Async(await erp.PostAsync("/api/inbound/erp/production-order", chunked), $"body exceeds the limit of {Limit} bytes");

        var sample = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Config, "mappings", "erp", "samples", "production-order.json"));
        using var within = new StreamContent(new UnseekableStream(sample));
        within.Headers.ContentType = new("application/json");
        (await erp.PostAsync("/api/inbound/erp/production-order", within)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    private static async Task ShouldBe413Async(HttpResponseMessage response, string limit)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        detail.ShouldContain(limit);
        detail.ShouldContain("Bridge:Adapters:Http:default:MaxBodyBytes");
    }

    /// <summary>A stream whose length HttpClient cannot know, so the body goes chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
