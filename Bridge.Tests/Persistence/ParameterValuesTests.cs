using System.Runtime.CompilerServices;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Tests.Infrastructure;
using Npgsql;

namespace Bridge.Tests.Persistence;

/// <summary>
/// A pooled connection keeps its last command or batch, with its parameters, while it idles: without
/// <see cref="ParameterValues.Release(NpgsqlBatch)"/> a stored body stays alive until the connection runs something else.
/// Real PostgreSQL, a pool of one connection, so the connection that ran the batch is the one left idle.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ParameterValuesTests
{
    [Fact]
    public async Task BatchReleased_TheIdleConnectionKeepsNoReferenceToWhatItSent()
    {
        if (TestServers.Postgres is null)
            return;
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { MaxPoolSize = 1 }.ConnectionString);

        var sent = await RunBatchAsync(dataSource, release: true);
        Collect();

        sent.IsAlive.ShouldBeFalse("nothing in the pool should hold the value a released batch sent");
    }

    /// <summary>The reason for the release: shows Npgsql's retention, so a Npgsql that stops retaining is noticed (and the release can go).</summary>
    [Fact]
    public async Task BatchNotReleased_TheIdleConnectionKeepsWhatItSent()
    {
        if (TestServers.Postgres is null)
            return;
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { MaxPoolSize = 1 }.ConnectionString);

        var sent = await RunBatchAsync(dataSource, release: false);
        Collect();

        sent.IsAlive.ShouldBeTrue("Npgsql 10 keeps a pooled connection's last batch with its parameter values");
    }

    static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Apart, so the test method's own frame holds no reference to the value.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static async Task<WeakReference> RunBatchAsync(NpgsqlDataSource dataSource, bool release)
    {
        var value = new string('x', 1024 * 1024);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var batch = new NpgsqlBatch(connection);
            var command = new NpgsqlBatchCommand("SELECT length(@body)");
            command.Parameters.AddWithValue("body", value);
            batch.BatchCommands.Add(command);
            (await batch.ExecuteScalarAsync()).ShouldBe(value.Length);
            if (release)
                ParameterValues.Release(batch);
        }

        return new WeakReference(value);
    }
}
