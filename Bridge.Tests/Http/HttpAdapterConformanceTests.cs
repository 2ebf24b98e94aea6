using System.Text;
using Bridge.Adapters.Envelopes;
using Bridge.Adapters.Hosting;
using Bridge.Adapters.Http;
using Bridge.Tests.Adapters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.Http;

public sealed class HttpAdapterConformanceTests : AdapterConformanceTests<HttpAdapterOptions>
{
    protected override string Kind => "http";

    protected override IBridgeBuilder AddAdapter(IBridgeBuilder builder, string name, Action<HttpAdapterOptions>? configure) =>
        builder.AddHttpAdapter(name, configure);

    protected override void MakeValid(HttpAdapterOptions options) => options.RetryCount = 0;

    protected override void MakeInvalid(HttpAdapterOptions options) => options.RetryCount = -1;

    protected override string InvalidMessage(string name) => $"http adapter '{name}': RetryCount must be between 0 and 20, was -1";

    protected override void Mark(HttpAdapterOptions options, int mark) => options.MaxBodyBytes = 1000 + mark;

    protected override int MarkOf(HttpAdapterOptions options) => (int)options.MaxBodyBytes - 1000;

    protected override async Task<IAdapterPeer<HttpAdapterOptions>?> StartPeerAsync() => new Peer(await RecordingHttpPeer.StartAsync());

    /// <summary>
    /// Outbound: the recording Kestrel peer as the receiving system. Inbound: a loopback endpoint that does what the
    /// host's inbound endpoint does with the adapter — <see cref="HttpInboundReader"/> into the sink — called by a client.
    /// </summary>
    private sealed class Peer(RecordingHttpPeer server) : IAdapterPeer<HttpAdapterOptions>
    {
        public void Configure(HttpAdapterOptions options)
        {
        }

        public async Task ProduceInboundAsync(IServiceProvider adapter, string marker)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            await using var endpoint = builder.Build();
            var sink = adapter.GetRequiredService<IEnvelopeSink>();
            var limit = adapter.GetRequiredService<IOptionsMonitor<HttpAdapterOptions>>().Get("peer").MaxBodyBytes;
            endpoint.MapPost("/inbound/{system}/{messageType}", async (string system, string messageType, HttpRequest request, CancellationToken ct) =>
            {
                var envelope = await HttpInboundReader.ReadAsync(request, system, messageType, limit, ct);
                var receipt = await sink.AcceptAsync(envelope, ct);
                return receipt.Accepted ? Results.Accepted() : Results.UnprocessableEntity();
            });
            await endpoint.StartAsync();
            using var client = new HttpClient();
            var response = await client.PostAsync(new Uri(new Uri(endpoint.Urls.First()), "/inbound/erp/order"), new StringContent($$"""{"order":"{{marker}}"}""", Encoding.UTF8, "application/json"));
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);
            await endpoint.StopAsync();
        }

        public OutboundEnvelope Outbound(string marker) => new(
            "erp",
            "orders/" + marker,
            "application/json",
            Encoding.UTF8.GetBytes($$"""{"order":"{{marker}}"}"""),
            new Dictionary<string, string> { ["X-Marker"] = marker },
            new Dictionary<string, string> { ["method"] = "PUT" },
            new Dictionary<string, string> { ["baseUrl"] = new Uri(server.Url, "/erp/api").ToString() },
            "key-" + marker);

        public Task AssertReceivedAsync(string marker)
        {
            // The sender returns after the peer answered, and the peer records before answering: no waiting needed.
            var request = server.Requests.Single();
            request.Method.ShouldBe("PUT");
            request.Path.ShouldBe("/erp/api/orders/" + marker);
            request.Headers["X-Marker"].ShouldBe(marker);
            request.Headers["Idempotency-Key"].ShouldBe("key-" + marker);
            request.Headers["Content-Type"].ShouldStartWith("application/json");
            request.Body.ShouldBe($$"""{"order":"{{marker}}"}""");
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
