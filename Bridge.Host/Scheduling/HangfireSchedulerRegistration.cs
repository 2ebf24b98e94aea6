using Bridge.Host.Messaging;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Scheduling;

/// <summary>Hangfire storage by mode (InMemory / PostgreSQL), a Hangfire server, and the scheduler's helpers.</summary>
public static class HangfireSchedulerRegistration
{
    public static IServiceCollection AddBridgeHangfire(this IServiceCollection services, BridgeMode mode)
    {
        services.AddHangfire((provider, configuration) =>
        {
            var options = provider.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value;
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (mode == BridgeMode.Production)
            {
                configuration.UsePostgreSqlStorage(
                    bootstrapper => bootstrapper.UseNpgsqlConnection(options.PostgresConnectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = options.JobPollInterval,
                    });
            }
            else
            {
                configuration.UseInMemoryStorage();
            }
        });
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
