using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bridge.Tests.Http;

/// <summary>A Kestrel server on 127.0.0.1 that answers 200 to everything and keeps each request as it arrived.</summary>
public sealed class RecordingHttpPeer : IAsyncDisposable
{
    private readonly WebApplication app;

    private RecordingHttpPeer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<RecordingHttpPeer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        RecordingHttpPeer? peer = null;
        app.Run(async context =>
        {
            using var body = new StreamReader(context.Request.Body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            peer!.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.ToUriComponent(), headers, await body.ReadToEndAsync()));
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync();
        peer = new RecordingHttpPeer(app, new Uri(app.Urls.First()));
        return peer;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
