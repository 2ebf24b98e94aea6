using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Tests.Operations.Audit;

/// <summary>
/// Appends in PostgreSQL are group-committed: many at once share transactions, still form one unbroken chain per day
/// with every entry once, and each caller returns only when its row is stored.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PostgresAuditTrailTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-12-01T10:00:00Z");

    [Fact]
    public async Task ConcurrentAppends_ShareTransactions_AndFormOneUnbrokenChain()
    {
        if (!TestServers.Available)
        {
            return;
        }

        await using var dataSource = await MigratedAsync("audit-batch");
        var trail = new PostgresAuditTrail(dataSource, Options.Create(new AuditOptions()));
        const int appends = 200;

        await Task.WhenAll(Enumerable.Range(0, appends).Select(i => Task.Run(async () =>
        {
            await trail.AppendAsync(Entry(i, Day.AddMilliseconds(i)), CancellationToken.None);
            // Returned means stored: the caller's own row is there already.
            (await trail.FindByCorrelationAsync($"MR-{i}", CancellationToken.None)).ShouldHaveSingleItem();
        })));
        await trail.AppendAsync(Entry(appends, Day.AddDays(1)), CancellationToken.None);

        var (rows, broken) = await AuditVerifier.VerifyAsync(trail, CancellationToken.None);
        broken.ShouldBeNull();
        rows.ShouldBe(appends + 1);
        var day = await trail.ReadDayAsync(DateOnly.FromDateTime(Day.UtcDateTime), CancellationToken.None);
        day.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, appends).Select(i => (long)i));
        day.Select(r => r.Entry.CorrelationId).Distinct().Count().ShouldBe(appends);
        trail.Batches.ShouldBeLessThan(appends, "appends that arrive while a batch is written go together in the next one");
    }

    [Fact]
    public async Task AnEntryTheDatabaseRefuses_FailsAlone_TheOthersOfItsBatchAreStored()
    {
        if (!TestServers.Available)
        {
            return;
        }

        await using var dataSource = await MigratedAsync("audit-refused");
        var trail = new PostgresAuditTrail(dataSource, Options.Create(new AuditOptions()));
        // A constraint only the marked entry breaks stands for any row the database refuses.
        await using (var constraint = dataSource.CreateCommand("alter table audit_log add constraint refuse_marked check (reason is distinct from 'refuse me')"))
        {
            await constraint.ExecuteNonQueryAsync();
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                await trail.AppendAsync(Entry(i, Day.AddMilliseconds(i), i == 25 ? "refuse me" : null), CancellationToken.None);
                return true;
            }
            catch (PostgresException)
            {
                return false;
            }
        })));

        results.Count(ok => !ok).ShouldBe(1);
        results[25].ShouldBeFalse();
        var (rows, broken) = await AuditVerifier.VerifyAsync(trail, CancellationToken.None);
        broken.ShouldBeNull();
        rows.ShouldBe(49);
    }

    private static async Task<NpgsqlDataSource> MigratedAsync(string purpose)
    {
        var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync(purpose));
        await new DatabaseSchemaMigrator(dataSource, [new AuditSchemaScript()], TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        return dataSource;
    }

    private static AuditEntry Entry(int i, DateTimeOffset at, string? reason = null) =>
        new(at, i % 2 == 0 ? "in" : "out", "mes", "http:default", "material-request", $"m-{i}", $"MR-{i}", 100 + i, "accepted", reason, 1.5);
}
