using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bridge.Host.Composition;
using Bridge.Host.Demo;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Bridge.Tests.Integration;

namespace Bridge.Tests.Pipeline;

/// <summary>Issue 13, points 10–12: an id no receiver could take (control characters, absurd length) is refused at the door with a reason and a dead letter.</summary>
public sealed class HostileIdTests : IDisposable
{
    private readonly string _config = TestConfig.CopyShipped();

    public void Dispose() => Directory.Delete(_config, recursive: true);

    public static TheoryData<string, string> Refused => new()
    {
        { "MR-1\r\nX-Injected: yes", "control characters" },
        { "MR-\t1", "control characters" },
        { "MR-" + new string('9', 1001), "at most 1000" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task RequestIdNoReceiverCouldTake_IsRefusedWithAReasonAndADeadLetter(string requestId, string reason)
    {
        var app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(TestCredentials.With(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = _config,
            ["Bridge:ApiKeys:mes"] = "mes-key",
            ["Serilog:MinimumLevel:Default"] = "Error",
        })));
        await using var _ = app;
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) }.AsAdministrator();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/mes/material-request")
        {
            Content = new StringContent(DemoPayloads.MaterialRequest(requestId, "000123", 10), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add("X-Api-Key", "mes-key");

        using var response = await http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, text);
        var problem = JsonNode.Parse(text)!;
        ((string)problem["detail"]!).ShouldContain("RequestId");
        ((string)problem["detail"]!).ShouldContain(reason);
        var id = Guid.Parse((string)problem["deadLetterId"]!);
        var letter = (await app.Services.GetRequiredService<IDeadLetterStore>().FindAsync(id, CancellationToken.None)).ShouldNotBeNull();
        letter.Reason.ShouldContain(reason);
        await app.StopAsync();
    }
}
