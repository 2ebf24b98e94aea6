using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bridge.Tests.Persistence;

[Trait("Category", "Integration")]
public sealed class DatabaseSchemaMigratorTests
{
    static DatabaseSchemaMigrator Migrator(NpgsqlDataSource dataSource, params IDatabaseSchemaScript[] scripts) =>
        new(dataSource, scripts, TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance);

    [Fact]
    public async Task Migrate_Twice_SecondRunAppliesNothingAndKeepsData()
    {
        var connectionString = TestServers.Postgres;
        if (connectionString is null)
            return;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var table = $"migration_test_{Guid.NewGuid():N}";
        var script = new DatabaseSchemaScript($"test:{table}", 500, $"CREATE TABLE IF NOT EXISTS {table} (id int PRIMARY KEY);");

        (await Migrator(dataSource, script, OutboxSchema.Script).MigrateAsync(CancellationToken.None)).ShouldContain(script.Name);
        await using (var insert = dataSource.CreateCommand($"INSERT INTO {table} VALUES (1)"))
            await insert.ExecuteNonQueryAsync();

        (await Migrator(dataSource, script, OutboxSchema.Script).MigrateAsync(CancellationToken.None)).ShouldBeEmpty();
        await using var count = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1);

        // A changed script (an upgrade) runs again; it must be idempotent against the existing table.
        var upgraded = script with { Sql = script.Sql + $" ALTER TABLE {table} ADD COLUMN IF NOT EXISTS note text;" };
        (await Migrator(dataSource, upgraded).MigrateAsync(CancellationToken.None)).ShouldBe([upgraded.Name]);
        (await Migrator(dataSource, upgraded).MigrateAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Migrate_FailingScript_NamesTheScript()
    {
        var connectionString = TestServers.Postgres;
        if (connectionString is null)
            return;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var broken = new DatabaseSchemaScript($"test:broken-{Guid.NewGuid():N}", 1, "CREATE TABLE this is not sql");
        var error = await Should.ThrowAsync<InvalidOperationException>(() => Migrator(dataSource, broken).MigrateAsync(CancellationToken.None));
        error.Message.ShouldContain(broken.Name);
        error.Message.ShouldContain("syntax error");
    }

    [Fact]
    public async Task Migrate_DuplicateScriptNames_AreRejected()
    {
        var connectionString = TestServers.Postgres;
        if (connectionString is null)
            return;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var a = new DatabaseSchemaScript("same", 1, "SELECT 1");
        var error = await Should.ThrowAsync<InvalidOperationException>(() => Migrator(dataSource, a, a with { Order = 2 }).MigrateAsync(CancellationToken.None));
        error.Message.ShouldContain("'same'");
    }
}
