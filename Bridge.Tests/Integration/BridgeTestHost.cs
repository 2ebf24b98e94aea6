using System.Net.Http.Headers;
using System.Text;
using Bridge.Host.Composition;
using Bridge.Host.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.Integration;

/// <summary>
/// A real Bridge host on a loopback port, in production mode against the RabbitMQ virtual host and PostgreSQL
/// database it is given, with simulated MES and WMS receivers (Kestrel on loopback) as its outbound targets.
/// Stop and start it again on the same broker and database to test recovery. <see cref="Client"/> is signed in as an
/// administrator; <see cref="PostAsync"/> posts as the system (its X-Api-Key from <see cref="Keys"/>).
/// </summary>
public sealed class BridgeTestHost : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["erp"] = "it-erp-key",
        ["mes"] = "it-mes-key",
        ["wms-a"] = "it-wms-key",
    };

    private readonly WebApplication _app;

    private BridgeTestHost(WebApplication app, SimulatedSystems receivers, Uri baseUrl)
    {
        _app = app;
        Receivers = receivers;
        BaseUrl = baseUrl;
        Client = NewClient().AsAdministrator();
    }

    public Uri BaseUrl { get; }

    public SimulatedSystems Receivers { get; }

    /// <summary>Signed in as an administrator (<see cref="TestCredentials.AdministratorKey"/>).</summary>
    public HttpClient Client { get; }

    /// <summary>A client with no credentials; dispose it. Add some with <see cref="TestCredentials"/>' AsOperator, AsAdministrator, AsSystem.</summary>
    public HttpClient NewClient() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client signed in as an operator (reads only); dispose it.</summary>
    public HttpClient OperatorClient() => NewClient().AsOperator();

    /// <summary>A client presenting the system's key from <see cref="Keys"/>; dispose it.</summary>
    public HttpClient SystemClient(string system) => NewClient().AsSystem(Keys[system]);

    public IServiceProvider Services => _app.Services;

    public static async Task<BridgeTestHost> StartAsync(string rabbitUri, string postgres, SimulatedSystems receivers, IDictionary<string, string?>? extra = null)
    {
        var settings = TestCredentials.With(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:Mode"] = "Production",
            ["Bridge:RabbitMqUri"] = rabbitUri,
            ["Bridge:PostgresConnectionString"] = postgres,
            ["Bridge:ConfigDir"] = RepositoryConfigDirectory(),
            ["Bridge:Systems:mes:BaseUrl"] = new Uri(receivers.BaseUrl, "/mes").AbsoluteUri,
            ["Bridge:Systems:wms-a:BaseUrl"] = new Uri(receivers.BaseUrl, "/wms-a").AbsoluteUri,
            ["Bridge:Adapters:Http:default:RetryBaseDelay"] = "00:00:00.100",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Bridge:Telemetry:BufferDirectory"] = Directory.CreateTempSubdirectory("bridge-telemetry-").FullName,
        });
        foreach (var (system, key) in Keys)
        {
            settings[$"Bridge:ApiKeys:{system}"] = key;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = BridgeApplication.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        var address = app.Urls.First();
        return new BridgeTestHost(app, receivers, new Uri(address));
    }

    public static string RepositoryConfigDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bridge.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Bridge.sln not found above " + AppContext.BaseDirectory), "config");
    }

    public Task<HttpResponseMessage> PostAsync(string system, string messageType, string body, string contentType = "application/json", string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbound/{system}/{messageType}")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if ((key ?? Keys.GetValueOrDefault(system)) is { } apiKey)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return Client.SendAsync(request);
    }

    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await StopAsync();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
