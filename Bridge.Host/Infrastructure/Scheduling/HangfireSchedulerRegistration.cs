using Bridge.Host.Infrastructure.Configuration;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>Hangfire storage by mode (InMemory / PostgreSQL), a Hangfire server, and the scheduler's helpers.</summary>
public static class HangfireSchedulerRegistration
{
    public static IServiceCollection AddBridgeHangfire(this IServiceCollection services, BridgeMode mode)
    {
        // Storage and activator are this container's own singletons, registered before AddHangfire (which only
        // TryAdds Hangfire's static JobStorage.Current / JobActivator.Current): two hosts in one process, as in the
        // tests or an in-process restart, then never share or swap each other's storage or service provider.
        services.TryAddSingleton<JobStorage>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value;
            if (mode != BridgeMode.Production)
                return new InMemoryStorage();
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.JobPollInterval,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.PostgresConnectionString!, storageOptions, null), storageOptions);
        });
        services.TryAddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((provider, server) =>
        {
            var options = provider.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value;
            server.SchedulePollingInterval = options.JobPollInterval;
            server.WorkerCount = Math.Max(2, Environment.ProcessorCount * 2);
        });
        services.AddSingleton<ScheduledJobTokens>();
        services.AddTransient<ScheduledMessageJob>();
        return services;
    }
}
