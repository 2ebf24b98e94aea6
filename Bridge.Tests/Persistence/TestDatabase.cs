using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Tests.Persistence.TestSaga;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>A data source on the test PostgreSQL with the counter saga's table and the outbox tables created.</summary>
public static class TestDatabase
{
    public static async Task<NpgsqlDataSource> CreateAsync(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new DatabaseSchemaMigrator(dataSource, [SagaTable.CreateScript(typeof(CounterState)), OutboxSchema.Script],
            TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        return dataSource;
    }
}
