using Bridge.Host.Messaging;
using Bridge.Tests.Persistence.TestSaga;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bridge.Tests.Persistence;

/// <summary>A generic host built with <see cref="BridgeMessagingServiceCollectionExtensions.AddBridgeMessaging"/> and the counter saga.</summary>
public static class BridgeTestHost
{
    public static IHost Build(BridgeMode mode, string? rabbitMq = null, string? postgres = null, ReceivedMessages? received = null,
        IDictionary<string, string?>? extraSettings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
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
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(received ?? new ReceivedMessages());
        builder.Services.AddBridgeMessaging(builder.Configuration, x =>
        {
            x.AddSagaStateMachine<CounterStateMachine, CounterState>();
            x.AddConsumer<CounterEventRecorder>();
        });
        return builder.Build();
    }

    public static async Task<IHost> StartProduction(ReceivedMessages? received = null)
    {
        var host = Build(BridgeMode.Production, TestServers.RabbitMq, TestServers.Postgres, received);
        await host.StartAsync();
        return host;
    }
}
