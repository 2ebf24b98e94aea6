using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Bridge.Tests.Integration;

namespace Bridge.Tests.Pipeline;

/// <summary>Issue 13, point 10: values from outside cannot forge log lines (CR, LF, NUL and other controls are escaped).</summary>
public sealed class LogForgingTests : IDisposable
{
    private readonly string _config = TestConfig.CopyShipped();

    public void Dispose() => Directory.Delete(_config, recursive: true);

    [Theory]
    [InlineData("a\r\nb", "a\\u000D\\u000Ab")]
    [InlineData("nul\0", "nul\\u0000")]
    [InlineData("c1\u0085\u009B[31m", "c1\\u0085\\u009B[31m")]
    [InlineData("ls\u2028", "ls\\u2028")]
    [InlineData("MR-äöü-料", "MR-äöü-料")]
    public void Escape_WritesControlCharactersAsUnicodeEscapes(string value, string expected) =>
        LogText.Escape(value).ShouldBe(expected);

    [Fact]
    public async Task AMessageTypeWithCrLf_DoesNotForgeALogLine()
    {
        var log = new CapturingLogger<EnvelopeIngestor>();
        var app = BridgeApplication.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
            {
                ["Urls"] = "http://127.0.0.1:0",
                ["Bridge:ConfigDir"] = _config,
                ["Bridge:ApiKeys:mes"] = "mes-key",
                ["Serilog:MinimumLevel:Default"] = "Error",
            }));
            b.Services.AddSingleton<ILogger<EnvelopeIngestor>>(log);
        });
        await using var _ = app;
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) }.AsAdministrator();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/mes/x%0D%0A%5BERR%5D%20forged")
        {
            Content = new StringContent("{}", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add("X-Api-Key", "mes-key");

        using var response = await http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var line = log.Lines.ShouldHaveSingleItem();
        line.ShouldContain("x\\u000D\\u000A[ERR] forged");
        line.ShouldNotContain("\r");
        line.ShouldNotContain("\n");
        line.ShouldNotContain("\0");
        await app.StopAsync();
    }
}
