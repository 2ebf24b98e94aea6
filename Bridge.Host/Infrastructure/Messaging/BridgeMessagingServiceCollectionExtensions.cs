using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Scheduling;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

public static class BridgeMessagingServiceCollectionExtensions
{
    static readonly string[] ReadyTags = ["ready"];

    /// <summary>
    /// Registers the bus (in-memory or RabbitMQ by <c>Bridge:Mode</c>), a saga repository for every saga added in
    /// <paramref name="configure"/>, the inbox/outbox, <see cref="IInboundPublisher"/>, the Hangfire-backed scheduler,
    /// <see cref="ISagaStateReader{TSaga}"/>, schema migration (production) and the health checks "bus", "storage", "jobs".
    /// </summary>
    public static IServiceCollection AddBridgeMessaging(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        var section = configuration.GetSection(BridgeMessagingOptions.SectionName);
        services.AddOptions<BridgeMessagingOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BridgeMessagingOptions>, BridgeMessagingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Mode and queue name shape the registrations themselves, so they are read now; everything else is read when used.
        var snapshot = ReadSnapshot(configuration, section);
        var mode = snapshot.Mode;
        var schedulerAddress = RabbitMqTopology.SchedulerAddress(snapshot);

        if (mode == BridgeMode.Production)
            AddPostgres(services);
        else
        {
            services.AddSingleton<IInboundPublisher, EmbeddedInboundPublisher>();
            services.AddHealthChecks().AddCheck<InMemoryStorageHealthCheck>("storage", tags: ReadyTags);
        }

        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(BridgeEndpointConventions.EndpointNameFormatter);
            // MassTransit's own bus/endpoint health check, under the name the host's readiness probe expects.
            x.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "bus";
                o.Tags.Add("ready");
            });
            if (mode == BridgeMode.Production)
                x.SetSagaRepositoryProvider(new PostgresSagaRepositoryRegistrationProvider());
            else
            {
                x.SetInMemorySagaRepositoryProvider();
                x.AddInMemoryInboxOutbox();
            }

            x.AddMessageScheduler(schedulerAddress);
            x.AddConsumer<HangfireScheduleMessageConsumer>().Endpoint(e =>
            {
                e.Name = snapshot.SchedulerQueueName;
                // Hangfire's storage API is synchronous: each consumer blocks a pool thread on PostgreSQL. Bounded, so a
                // burst of schedules (one per material request) cannot take the threads every other endpoint needs.
                e.ConcurrentMessageLimit = HangfireScheduleMessageConsumer.ConcurrentMessageLimit;
            });
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                BridgeEndpointConventions.Apply(context, endpoint, mode);
                RabbitMqTopology.ConfigureEndpoint(context, endpoint);
            });

            configure(x);

            if (mode == BridgeMode.Production)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    var options = context.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value;
                    RabbitMqTopology.ConfigureHost(cfg, options);
                    cfg.PrefetchCount = options.PrefetchCount;
                    cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                    cfg.UseMessageScheduler(schedulerAddress);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    var options = context.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value;
                    cfg.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                    cfg.UseMessageScheduler(schedulerAddress);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        services.Configure<MassTransitHostOptions>(o =>
        {
            // Ready means connected: a broker that stays unreachable fails the start (and the process) after a minute
            // instead of leaving a host that accepts work it cannot deliver.
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        // After AddMassTransit: Hangfire's server starts once the bus is up and stops before it.
        services.AddBridgeHangfire(mode);
        if (mode == BridgeMode.Production)
        {
            services.AddHostedService<InboundOutboxRelay>();
            services.AddHostedService(provider => provider.GetRequiredService<ConsumerOutboxSweeper>());
            services.AddHostedService<StoredScheduleSweeper>();
            services.AddHostedService<InboxCleanupService>();
            services.AddHostedService<EndedSagaCleanupService>();
            services.AddHostedService<ReceiveEndpointWatchdog>();
        }

        services.TryAddSingleton(typeof(ISagaStateReader<>), typeof(SagaStateReader<>));
        services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs", tags: ReadyTags);
        return services;
    }

    static void AddPostgres(IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value;
            return BridgeDataSource.Create(options.PostgresConnectionString!);
        });
        services.TryAddScoped<PostgresUnitOfWork>();
        services.TryAddScoped<MassTransit.Middleware.IOutboxContextFactory<PostgresUnitOfWork>, PostgresOutboxContextFactory>();
        services.AddSingleton(OutboxSchema.Script);
        services.AddSingleton(StoredScheduleSchema.Script);
        services.TryAddSingleton<DatabaseSchemaMigrator>();
        // Registered before AddMassTransit so the schema exists before any endpoint or relay touches it.
        services.AddHostedService<DatabaseMigrationHostedService>();
        services.TryAddSingleton<InboundOutboxSignal>();
        services.TryAddSingleton<InboundOutboxRelay>();
        services.TryAddSingleton<OutboxDeliveryHooks>();
        services.TryAddSingleton<ConsumerOutboxSweeper>();
        services.AddSingleton<IInboundPublisher, PostgresInboundPublisher>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ReadyTags);
    }

    static BridgeMessagingOptions ReadSnapshot(IConfiguration configuration, IConfigurationSection section)
    {
        var snapshot = new BridgeMessagingOptions { Mode = BridgeModeSetting.Read(configuration) };

        snapshot.RabbitMq.QueueType = section[$"{nameof(BridgeMessagingOptions.RabbitMq)}:{nameof(BridgeRabbitMqOptions.QueueType)}"] ?? snapshot.RabbitMq.QueueType;
        var queue = section[nameof(BridgeMessagingOptions.SchedulerQueueName)];
        if (!string.IsNullOrWhiteSpace(queue))
            snapshot.SchedulerQueueName = queue;
        return snapshot;
    }
}
