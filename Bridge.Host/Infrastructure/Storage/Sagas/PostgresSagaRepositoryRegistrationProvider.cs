using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// Gives every saga added to the bus the PostgreSQL repository, its load-by-id query and its table script, and a state
/// machine saga the load of its instance with the inbox lock (<see cref="SagaLoadAhead{TSaga}"/>).
/// </summary>
public sealed class PostgresSagaRepositoryRegistrationProvider : ISagaRepositoryRegistrationProvider
{
    public void Configure<TSaga>(ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
    {
        if (!typeof(ISagaVersion).IsAssignableFrom(typeof(TSaga)))
        {
            throw new ConfigurationException(
                $"Saga {typeof(TSaga).FullName} must implement MassTransit.ISagaVersion (a public int Version {{ get; set; }}) to be stored in PostgreSQL with optimistic concurrency.");
        }

        configurator.Repository(r =>
        {
            r.TryAddScoped<PostgresUnitOfWork>();
            r.TryAddSingleton<PostgresSagaStore<TSaga>>();
            r.RegisterSagaRepository<TSaga, PostgresUnitOfWork, SagaConsumeContextFactory<PostgresUnitOfWork, TSaga>, PostgresSagaRepositoryContextFactory<TSaga>>();
            r.RegisterLoadSagaRepository<TSaga, PostgresSagaRepositoryContextFactory<TSaga>>();
            r.AddSingleton(SagaTable.CreateScript(typeof(TSaga)));
            if (typeof(SagaStateMachineInstance).IsAssignableFrom(typeof(TSaga)))
                r.AddSingleton(typeof(ISagaLoadAhead), typeof(SagaLoadAhead<>).MakeGenericType(typeof(TSaga)));
        });
    }
}
