using Microsoft.Extensions.Hosting;

namespace Bridge.Host.Infrastructure.Storage;

/// <summary>Runs the schema migration at start, before the bus and the relays start (it is registered before them).</summary>
internal sealed class DatabaseMigrationHostedService(DatabaseSchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
