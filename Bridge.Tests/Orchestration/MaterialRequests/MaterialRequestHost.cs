using Bridge.Host.Composition;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Processes.Projections;
using Bridge.Tests.Integration;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>
/// The material request saga, its stores and consumers as the host registers them (embedded, or production on the test
/// RabbitMQ and PostgreSQL), without HTTP, with <see cref="RaceHooks"/> wrapped around the wait registry and the stock view.
/// </summary>
public static class MaterialRequestHost
{
    public static IHost Build(BridgeMode mode, RaceHooks hooks, IDictionary<string, string?>? settings = null, string? rabbitMq = null, string? postgres = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        var values = new Dictionary<string, string?>
        {
            ["Bridge:Mode"] = mode.ToString(),
            ["Bridge:RabbitMqUri"] = rabbitMq,
            ["Bridge:PostgresConnectionString"] = postgres,
            ["Bridge:ConfigDir"] = BridgeTestHost.RepositoryConfigDirectory(),
            ["Bridge:JobPollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(
            Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("BRIDGE_TEST_LOG_LEVEL"), out var level) ? level : LogLevel.Warning);
        var loaded = builder.Services.AddBridgeConfiguration(builder.Configuration);
        builder.Services.AddBridgeStorage(builder.Configuration);
        builder.Services.AddBridgeAdapters(loaded);
        builder.Services.AddBridgeProcesses();
        builder.Services.AddSingleton(hooks);
        Decorate<IKitWaitRegistry>(builder.Services, (inner, provider) => new HookedKitWaitRegistry(inner, provider.GetRequiredService<RaceHooks>()));
        Decorate<IStockView>(builder.Services, (inner, provider) => new HookedStockView(inner, provider.GetRequiredService<RaceHooks>()));
        builder.Services.AddBridgeMessaging(builder.Configuration, bus => bus.AddBridgeConsumers([]));
        var host = builder.Build();
        LogContext.ConfigureCurrentLogContext(host.Services.GetRequiredService<ILoggerFactory>());
        return host;
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, IServiceProvider, T> wrap)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(T), provider =>
        {
            var inner = original.ImplementationInstance as T
                ?? (original.ImplementationFactory is { } factory
                    ? (T)factory(provider)
                    : (T)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!));
            return wrap(inner, provider);
        }, original.Lifetime));
    }
}
