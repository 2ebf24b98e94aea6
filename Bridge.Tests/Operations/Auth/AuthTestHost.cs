using Bridge.Host.Composition;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Bridge.Tests.Operations.Auth;

/// <summary>An embedded host on a copy of the shipped configuration, with keys for systems, an operator and an administrator.</summary>
internal sealed class AuthTestHost : IAsyncDisposable
{
    public const string ErpKey = "auth-erp-key";
    public const string MesKey = "auth-mes-key";
    public const string PlcKey = "auth-plc-key";

    private AuthTestHost(WebApplication app, string config)
    {
        App = app;
        Config = config;
        BaseUrl = new Uri(app.Urls.First());
    }

    public WebApplication App { get; }

    public string Config { get; }

    public Uri BaseUrl { get; }

    public static async Task<AuthTestHost> StartAsync(Dictionary<string, string?>? extra = null, Action<string>? editConfig = null, bool withPeople = true)
    {
        var config = TestConfig.CopyShipped();
        editConfig?.Invoke(config);
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Bridge:ConfigDir"] = config,
            ["Bridge:ApiKeys:erp"] = ErpKey,
            ["Bridge:ApiKeys:mes"] = MesKey,
            ["Bridge:ApiKeys:plc"] = PlcKey,
            ["Serilog:MinimumLevel:Default"] = "Error",
        };
        if (withPeople)
        {
            TestCredentials.With(settings);
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var app = BridgeApplication.Build([], b => b.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        return new AuthTestHost(app, config);
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Administrator() => Anonymous().AsAdministrator();

    public HttpClient Operator() => Anonymous().AsOperator();

    public HttpClient System(string key) => Anonymous().AsSystem(key);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(Config, recursive: true);
    }
}
