using System.Threading.Channels;

namespace Bridge.Host.Demo;

/// <summary>
/// Demo only: a small web server standing in for the MES and the WMS. It records every call Bridge makes to it
/// so the scenario can react (the WMS confirms a pick order it received) and check what arrived.
/// </summary>
public sealed class SimulatedSystems : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Channel<ReceivedCall>> _inboxes = new(StringComparer.Ordinal);

    private SimulatedSystems(WebApplication app, IEnumerable<string> systems)
    {
        _app = app;
        foreach (var system in systems)
        {
            _inboxes[system] = Channel.CreateUnbounded<ReceivedCall>();
        }
    }

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<SimulatedSystems> StartAsync(params string[] systems)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var simulated = new SimulatedSystems(app, systems);
        // POST and PUT: the WMS of site B takes its replenishment CSV files by PUT.
        app.MapMethods("/{system}/{**path}", ["POST", "PUT"], async (string system, string? path, HttpRequest request) =>
        {
            if (!simulated._inboxes.TryGetValue(system, out var inbox))
            {
                return Results.NotFound();
            }

            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            await inbox.Writer.WriteAsync(new ReceivedCall(system, "/" + path, request.ContentType ?? "", body, request.Headers["Idempotency-Key"].FirstOrDefault()));
            return Results.Ok();
        });
        await app.StartAsync();
        simulated.BaseUrl = new Uri(app.Urls.First());
        return simulated;
    }

    public async Task<ReceivedCall> NextAsync(string system, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _inboxes[system].Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the simulated {system} received nothing within {timeout.TotalSeconds:0} s");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
