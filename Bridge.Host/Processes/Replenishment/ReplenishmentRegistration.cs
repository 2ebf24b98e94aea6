using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>Line-side replenishment: <c>line-side.yaml</c> (checked at start), the projection in front of the saga, the saga.</summary>
public static class ReplenishmentRegistration
{
    /// <summary>Loads <c>line-side.yaml</c> from <paramref name="configDirectory"/>; every problem stops the start with file:line:col.</summary>
    public static IServiceCollection AddReplenishment(this IServiceCollection services, string configDirectory)
    {
        var (locations, errors) = LineSideFileLoader.Load(Path.Combine(configDirectory, LineSideFileLoader.FileName));
        if (errors.Count > 0)
            throw new InvalidConfigurationException(errors);
        return services.AddReplenishment(new LineSideCatalog(locations));
    }

    public static IServiceCollection AddReplenishment(this IServiceCollection services, LineSideCatalog catalog)
    {
        services.AddSingleton(catalog);
        AddSteps(services);
        return services;
    }

    /// <summary>
    /// The saga and the projection that feeds it; without <see cref="AddReplenishment(IServiceCollection, string)"/> no
    /// location is configured. Counter and sensor signals: in production straight from RabbitMQ
    /// (<see cref="RabbitMqLineSideSignalConsumer"/>), embedded through MassTransit batches (<see cref="LineSideSignalBatchConsumer"/>).
    /// </summary>
    public static IBusRegistrationConfigurator AddReplenishmentConsumers(this IBusRegistrationConfigurator bus, BridgeMode mode = BridgeMode.Embedded)
    {
        bus.TryAddSingleton(LineSideCatalog.Empty);
        AddSteps(bus);
        bus.AddSagaStateMachine<ReplenishmentStateMachine, ReplenishmentState>();
        if (mode == BridgeMode.Production)
        {
            bus.TryAddSingleton<LineSideSignalConsumerHooks>();
            bus.TryAddSingleton(provider => new LineSideSignalProjection(
                provider.GetRequiredService<Npgsql.NpgsqlDataSource>(),
                new LineSideSignalReader(provider.GetRequiredService<LineSideCatalog>()),
                new LineSideDeadLetters(provider.GetRequiredService<Pipeline.DeadLetters.IDeadLetterStore>(), provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<LineSideDeadLetters>>()),
                provider.GetRequiredService<TimeProvider>()));
            bus.AddHostedService(provider => new RabbitMqLineSideSignalConsumer(
                provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<BridgeMessagingOptions>>(),
                provider.GetRequiredService<LineSideSignalProjection>(),
                provider.GetRequiredService<IBus>(),
                new LineSideNoticeOutbox(provider.GetRequiredService<Npgsql.NpgsqlDataSource>(),
                    new PostgresSession(provider.GetRequiredService<Npgsql.NpgsqlDataSource>()), provider.GetRequiredService<TimeProvider>()),
                provider.GetRequiredService<LineSideSignalConsumerHooks>(),
                provider.GetRequiredService<IHostApplicationLifetime>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<RabbitMqLineSideSignalConsumer>>()));
        }
        else
            bus.AddConsumer<LineSideSignalBatchConsumer, LineSideSignalBatchConsumerDefinition>();
        bus.AddConsumer<LineSideReceiptConsumer>();
        bus.AddHostedService<LineSideNoticeRelay>();
        return bus;
    }

    private static void AddSteps(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ReplenishmentPlanner>();
        services.TryAddScoped<ReplenishmentTracker>();
        services.TryAddScoped<ReplenishmentJournal>();
        services.TryAddScoped<LineSideSignalReader>();
        services.TryAddScoped<LineSideDeadLetters>();
        // Embedded only (production reads the signal queue with RabbitMqLineSideSignalConsumer): batches apply in memory.
        services.TryAddScoped<ILineSideSignalBatch, EmbeddedLineSideSignalBatch>();
        services.TryAddScoped(provider => new LineSideNoticeOutbox(
            provider.GetRequiredService<Npgsql.NpgsqlDataSource>(), provider.GetRequiredService<PostgresSession>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDatabaseSchemaScript, LineSideNoticeSchemaScript>());
    }
}
