using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bridge.Tests.Persistence;

/// <summary>A generic host built with <see cref="BridgeMessagingServiceCollectionExtensions.AddBridgeMessaging"/> and the counter saga.</summary>
public static class CounterSagaHost
{
    public static IHost Build(BridgeMode mode, string? rabbitMq = null, string? postgres = null, ReceivedMessages? received = null,
        IDictionary<string, string?>? extraSettings = null, PingCounts? pings = null)
    {
        // Development: the container validates scopes and the whole graph at build, as a developer's host does.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        var settings = new Dictionary<string, string?>
        {
            ["Bridge:Mode"] = mode.ToString(),
            ["Bridge:RabbitMqUri"] = rabbitMq,
            ["Bridge:PostgresConnectionString"] = postgres,
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(
            Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("BRIDGE_TEST_LOG_LEVEL"), out var level) ? level : LogLevel.Warning);
        builder.Services.AddSingleton(received ?? new ReceivedMessages());
        builder.Services.AddSingleton(pings ?? new PingCounts());
        builder.Services.AddBridgeMessaging(builder.Configuration, x =>
        {
            x.AddSagaStateMachine<CounterStateMachine, CounterState>();
            x.AddConsumer<CounterEventRecorder>();
            x.AddConsumer<PingConsumer>().Endpoint(e => e.Name = PingAuditConsumer.EndpointName);
            x.AddConsumer<PingAuditConsumer>().Endpoint(e => e.Name = PingAuditConsumer.EndpointName);
        });
        var host = builder.Build();
        // MassTransit keeps its log context in an AsyncLocal and reuses it when set: a second host built in the same
        // async flow (the restart tests) would otherwise log through the first host's disposed logger factory.
        LogContext.ConfigureCurrentLogContext(host.Services.GetRequiredService<ILoggerFactory>());
        return host;
    }

    public static async Task<IHost> StartProduction(ReceivedMessages? received = null, PingCounts? pings = null)
    {
        var host = Build(BridgeMode.Production, TestServers.RabbitMq, TestServers.Postgres, received, pings: pings);
        await host.StartAsync();
        return host;
    }
}
