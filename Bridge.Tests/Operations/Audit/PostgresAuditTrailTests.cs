using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bridge.Tests.Operations.Audit;

/// <summary>
/// The PostgreSQL audit trail: concurrent appends are group-committed and still form one unbroken chain per day with
/// every entry once, each caller returning only when its rows are stored; one inbound document's rows (a 20,000-row
/// stock export) go in one transaction; the status page's per-system figures are counted without loading the day's rows.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PostgresAuditTrailTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateOnly Day = DateOnly.FromDateTime(At.UtcDateTime);

    private static AuditEntry Entry(int n, string direction = "in", string system = "wms-b", string result = "accepted", int minutes = 0) =>
        new(At.AddMinutes(minutes), direction, system, "http", "inventory-export → InventoryChanged", $"m-{n}", $"c-{n}", 100, result, $"row {n}", 1.5);

    [Fact]
    public async Task AppendAll_TwentyThousandRows_OneTransaction_TheChainHoldsAroundSingleAppends()
    {
        if (TestServers.Postgres is null)
            return;
        await using var dataSource = await CreateAsync();
        var trail = new PostgresAuditTrail(dataSource, Options.Create(new AuditOptions()));
        await trail.AppendAsync(Entry(-1), CancellationToken.None);

        // Single appends from another writer interleave with the document: the day's lock keeps one chain.
        var others = Task.WhenAll(Enumerable.Range(0, 20).Select(n => trail.AppendAsync(Entry(100_000 + n, "out", "wms-a", "delivered"), CancellationToken.None)));
        await trail.AppendAllAsync(Enumerable.Range(0, 20_000).Select(n => Entry(n)).ToList(), CancellationToken.None);
        await others;
        await trail.AppendAsync(Entry(-2), CancellationToken.None);

        var rows = await trail.ReadDayAsync(Day, CancellationToken.None);
        rows.Count.ShouldBe(20_022);
        AuditChain.FirstBreak(rows).ShouldBeNull();
        rows.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, 20_022).Select(n => (long)n));
        var document = rows.Where(r => r.Entry.System == "wms-b" && r.Entry.MessageId!.StartsWith("m-", StringComparison.Ordinal) && r.Entry.MessageId != "m--1" && r.Entry.MessageId != "m--2").ToList();
        document.Select(r => r.Entry.MessageId).ShouldBe(Enumerable.Range(0, 20_000).Select(n => $"m-{n}"), "in the document's order");
        (document[^1].Sequence - document[0].Sequence).ShouldBe(19_999, "nothing of another writer lands inside a document's rows");
        (await TransactionsAsync(dataSource, "wms-b")).ShouldBe(3, "the document's 20,000 rows are one transaction (and the two single appends one each)");
    }

    [Fact]
    public async Task SummarizeDay_CountsInTheDatabase_AsTheRowsWouldAddUp()
    {
        if (TestServers.Postgres is null)
            return;
        await using var dataSource = await CreateAsync();
        var trail = new PostgresAuditTrail(dataSource, Options.Create(new AuditOptions()));
        var entries = new List<AuditEntry>
        {
            Entry(1, minutes: -30), Entry(2, minutes: -1), Entry(3, "out", "wms-b", "delivered", -20), Entry(4, "out", "wms-b", "failed", -2),
            Entry(5, "in", "mes"), Entry(6, "discard", "erp", "discarded"), Entry(7, "out", "wms-a", "delivered", -3),
        };
        foreach (var entry in entries)
            await trail.AppendAsync(entry, CancellationToken.None);
        var recent = At.AddMinutes(-5);

        var summary = await trail.SummarizeDayAsync(Day, recent, CancellationToken.None);

        var expected = AuditSystemDays.From((await trail.ReadDayAsync(Day, CancellationToken.None)).Select(r => r.Entry), recent);
        summary.OrderBy(s => s.System, StringComparer.Ordinal).ShouldBe(expected.OrderBy(s => s.System, StringComparer.Ordinal));
        var wmsB = summary.Single(s => s.System == "wms-b");
        (wmsB.Rows, wmsB.In, wmsB.Out, wmsB.InRecent, wmsB.OutRecent).ShouldBe((4L, 2L, 2L, 1L, 1L));
        wmsB.LastOutbound!.Result.ShouldBe("failed");
        summary.Single(s => s.System == "erp").LastOutbound.ShouldBeNull();
        (await trail.SummarizeDayAsync(Day.AddDays(1), recent, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConcurrentAppends_ShareTransactions_AndFormOneUnbrokenChain()
    {
        if (!TestServers.Available)
        {
            return;
        }

        await using var dataSource = await CreateAsync("audit-batch");
        var trail = new PostgresAuditTrail(dataSource, Options.Create(new AuditOptions()));
        const int appends = 200;

        await Task.WhenAll(Enumerable.Range(0, appends).Select(i => Task.Run(async () =>
        {
            await trail.AppendAsync(GroupEntry(i, At.AddMilliseconds(i)), CancellationToken.None);
            // Returned means stored: the caller's own row is there already.
            (await trail.FindByCorrelationAsync($"MR-{i}", CancellationToken.None)).ShouldHaveSingleItem();
        })));
        await trail.AppendAsync(GroupEntry(appends, At.AddDays(1)), CancellationToken.None);

        var (rows, broken) = await AuditVerifier.VerifyAsync(trail, CancellationToken.None);
        broken.ShouldBeNull();
        rows.ShouldBe(appends + 1);
        var day = await trail.ReadDayAsync(Day, CancellationToken.None);
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

        await using var dataSource = await CreateAsync("audit-refused");
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
                await trail.AppendAsync(GroupEntry(i, At.AddMilliseconds(i), i == 25 ? "refuse me" : null), CancellationToken.None);
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

    private static AuditEntry GroupEntry(int i, DateTimeOffset at, string? reason = null) =>
        new(at, i % 2 == 0 ? "in" : "out", "mes", "http:default", "material-request", $"m-{i}", $"MR-{i}", 100 + i, "accepted", reason, 1.5);

    private static async Task<NpgsqlDataSource> CreateAsync(string purpose = "audit")
    {
        var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync(purpose));
        await new DatabaseSchemaMigrator(dataSource, [new AuditSchemaScript()], TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);
        return dataSource;
    }

    /// <summary>Rows inserted by one transaction share its id (xmin): how many transactions wrote the system's rows.</summary>
    private static async Task<long> TransactionsAsync(NpgsqlDataSource dataSource, string system)
    {
        await using var command = dataSource.CreateCommand("select count(distinct xmin::text) from audit_log where system = @system");
        command.Parameters.AddWithValue("system", system);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
