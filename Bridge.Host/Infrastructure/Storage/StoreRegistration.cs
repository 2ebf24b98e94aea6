using Bridge.Host.Infrastructure.Configuration;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// Registers a store by the mode: its in-memory implementation when embedded, its PostgreSQL implementation (and the
/// schema script that creates its tables) in production. Every store of the host is registered through here.
/// </summary>
public static class StoreRegistration
{
    /// <param name="postgresLifetime">Scoped for stores that join the consumed message's transaction (PostgresSession).</param>
    public static IServiceCollection AddStore<TService, TInMemory, TPostgres, TSchema>(this IServiceCollection services, BridgeMode mode,
        ServiceLifetime postgresLifetime = ServiceLifetime.Singleton)
        where TService : class
        where TInMemory : class, TService
        where TPostgres : class, TService
        where TSchema : class, IDatabaseSchemaScript
    {
        if (mode == BridgeMode.Production)
        {
            services.Add(new ServiceDescriptor(typeof(TService), typeof(TPostgres), postgresLifetime));
            services.AddSingleton<IDatabaseSchemaScript, TSchema>();
        }
        else
        {
            services.AddSingleton<TService, TInMemory>();
        }

        return services;
    }
}
