using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Processes.Replenishment;
using Bridge.Host.Processes.Replenishment.Messages;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Orchestration.Replenishment;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bridge.Tests.Replenishment;

/// <summary>
/// The batched projection on the real PostgreSQL: a batch is one transaction with bulk inbox rows, one write per
/// location and the saga's notices kept until published; a redelivered batch changes nothing; parallel batches over the
/// same locations lose no update; a notice committed but not published survives for the relay.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PostgresLineSideSignalBatchTests : IAsyncLifetime
{
    private static readonly LineSideLocation A = ReplenishmentHarness.MinMax("BATCH-A");
    private static readonly LineSideLocation B = ReplenishmentHarness.MinMax("BATCH-B");
    private NpgsqlDataSource? _dataSource;
    private int _tick;

    public async Task InitializeAsync()
    {
        if (TestServers.Postgres is null)
            return;
        _dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync("line-side-batch"));
        await new DatabaseSchemaMigrator(_dataSource, [OutboxSchema.Script, new LineSideSchemaScript(), new LineSideNoticeSchemaScript()],
            TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task Batch_AppliesInOrder_NotifiesTheFallOnce_AndARedeliveredBatchChangesNothing()
    {
        if (_dataSource is null)
            return;
        LocatedSignal[] batch = [Consumed(A, 50), Consumed(B, 10), Consumed(A, 40), Consumed(A, 5)];
        var published = new List<LineSideNotice>();

        var changes = await ApplyAsync(batch, published);

        changes.Select(c => c?.Level.Quantity).ShouldBe([70m, 110m, 30m, 25m]);
        var notice = published.ShouldHaveSingleItem();
        notice.MessageId.ShouldBe(ReplenishmentIds.Notice(batch[2].Signal.MessageId));
        notice.Message.ShouldBeOfType<LineSideLevelLow>().ShouldBe(new LineSideLevelLow("BATCH-A", 30m, 0, batch[2].Signal.MessageId, batch[2].Signal.At, "plc"));
        (await LeftOverAsync()).ShouldBeEmpty();

        // Redelivered after a crash between commit and acknowledgement, together with one new signal.
        var again = await ApplyAsync([.. batch, Consumed(B, 20)], published);

        again.Take(4).ShouldAllBe(c => c == null);
        again[4]!.Level.Quantity.ShouldBe(90m);
        published.Count.ShouldBe(1);
        (await LevelAsync("BATCH-A")).ShouldBe(25m);
        (await LevelAsync("BATCH-B")).ShouldBe(90m);
    }

    [Fact]
    public async Task ParallelBatchesOverTheSameLocations_LoseNoUpdate()
    {
        if (_dataSource is null)
            return;
        // Twenty batches at once, each using one part at A and at B, half of them naming B first.
        var batches = Enumerable.Range(0, 20)
            .Select(i => i % 2 == 0 ? new[] { Consumed(A, 1), Consumed(B, 1) } : new[] { Consumed(B, 1), Consumed(A, 1) })
            .ToList();

        await Task.WhenAll(batches.Select(b => ApplyAsync(b, [])));

        (await LevelAsync("BATCH-A")).ShouldBe(100m);
        (await LevelAsync("BATCH-B")).ShouldBe(100m);
    }

    [Fact]
    public async Task NoticeCommittedButNotPublished_StaysForTheRelay_AndTheRetriedBatchDoesNotApplyTwice()
    {
        if (_dataSource is null)
            return;
        LocatedSignal[] batch = [Consumed(A, 85)];

        // The broker refuses the publish after the commit: the batch fails and will be redelivered.
        await Should.ThrowAsync<InvalidOperationException>(() => ApplyAsync(batch, [], failPublish: true));

        var published = new List<LineSideNotice>();
        (await ApplyAsync(batch, published)).ShouldAllBe(c => c == null);
        published.ShouldBeEmpty();
        (await LevelAsync("BATCH-A")).ShouldBe(35m);
        var left = (await LeftOverAsync()).ShouldHaveSingleItem();
        left.MessageId.ShouldBe(ReplenishmentIds.Notice(batch[0].Signal.MessageId));
        left.Message.ShouldBeOfType<LineSideLevelLow>().Quantity.ShouldBe(35m);
    }

    [Fact]
    public async Task BatchWithDuplicatesAndOutOfOrderReadings_EndsWhereOneByOneEnds()
    {
        if (_dataSource is null)
            return;
        var at = ReplenishmentHarness.Start;
        var consumed = Consumed(A, 30, at.AddSeconds(3));
        var low = Consumed(A, 20, at.AddSeconds(6));
        // More signals for A between a message and its second delivery than a level ever remembered ids for.
        var filler = Enumerable.Range(0, LineSideLevel.KeptMessageIds + 6).Select(i => Consumed(A, 0.1m, at.AddSeconds(10 + i)));
        LocatedSignal[] signals =
        [
            Consumed(B, 7, at), Read(A, 100, at.AddSeconds(2)), consumed, Read(A, 110, at.AddSeconds(1)), consumed, Read(A, 60, at.AddSeconds(4)),
            Consumed(A, 5, at.AddSeconds(3.5)), low, .. filler, low, consumed, Read(A, 10, at.AddSeconds(5)), Consumed(A, 1, at.AddSeconds(7)),
        ];
        // One by one, each message id once (the in-memory store remembers only the last ids of a location).
        var reference = new InMemoryLineSideLevels();
        var seen = new HashSet<Guid>();
        var oneByOne = new List<LevelChange>();
        foreach (var signal in signals)
        {
            oneByOne.Add(seen.Add(signal.Signal.MessageId)
                ? await reference.ApplyAsync(signal.Location, signal.Signal, CancellationToken.None)
                : new LevelChange(LevelChangeKind.Duplicate, (await reference.FindAsync(signal.Location.Id, CancellationToken.None))!));
        }

        var published = new List<LineSideNotice>();

        var changes = await ApplyAsync(signals, published);

        changes.Select(c => c?.Kind ?? LevelChangeKind.Duplicate).ShouldBe(oneByOne.Select(c => c.Kind));
        changes.Select(c => c?.Level.Quantity).Where((_, i) => oneByOne[i].Kind == LevelChangeKind.Applied)
            .ShouldBe(oneByOne.Where(c => c.Kind == LevelChangeKind.Applied).Select(c => (decimal?)c.Level.Quantity));
        foreach (var location in new[] { A, B })
        {
            var stored = (await new PostgresLineSideLevels(new PostgresSession(_dataSource!)).FindAsync(location.Id, CancellationToken.None))!;
            var expected = (await reference.FindAsync(location.Id, CancellationToken.None))!;
            (stored.Quantity, stored.LastReadingAt, stored.LowReported, stored.SignalCount).ShouldBe((expected.Quantity, expected.LastReadingAt, expected.LowReported, expected.SignalCount));
            stored.LastSignals.Select(s => s.MessageId).ShouldBe(expected.LastSignals.Select(s => s.MessageId));
        }

        published.Select(n => n.MessageId).ShouldBe(
            signals.Zip(oneByOne).Select(p => LineSideNotice.For(p.First, p.Second, null)).OfType<LineSideNotice>().Select(n => n.MessageId));
    }

    private async Task<IReadOnlyList<LevelChange?>> ApplyAsync(IReadOnlyList<LocatedSignal> signals, List<LineSideNotice> published, bool failPublish = false)
    {
        await using var unitOfWork = new PostgresUnitOfWork(_dataSource!);
        var session = new PostgresSession(_dataSource!, unitOfWork);
        var batch = new PostgresLineSideSignalBatch(unitOfWork, new PostgresLineSideLevels(session),
            new LineSideNoticeOutbox(_dataSource!, session, TimeProvider.System), TimeProvider.System);
        return await batch.ApplyAsync(signals, notice =>
        {
            if (failPublish)
                throw new InvalidOperationException("broker unreachable");
            lock (published)
                published.Add(notice);
            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    private Task<IReadOnlyList<LineSideNotice>> LeftOverAsync() =>
        new LineSideNoticeOutbox(_dataSource!, new PostgresSession(_dataSource!), TimeProvider.System).LeftOverAsync(TimeSpan.Zero, 10, CancellationToken.None);

    private async Task<decimal> LevelAsync(string location) =>
        (await new PostgresLineSideLevels(new PostgresSession(_dataSource!)).FindAsync(location, CancellationToken.None))!.Quantity;

    private LocatedSignal Consumed(LineSideLocation location, decimal quantity) =>
        Consumed(location, quantity, ReplenishmentHarness.Start.AddSeconds(Interlocked.Increment(ref _tick)));

    private static LocatedSignal Consumed(LineSideLocation location, decimal quantity, DateTimeOffset at) =>
        new(location, new LineSideSignal(Guid.NewGuid(), LineSideSignalKind.Consumption, quantity, at, "plc", "test"));

    private static LocatedSignal Read(LineSideLocation location, decimal quantity, DateTimeOffset at) =>
        new(location, new LineSideSignal(Guid.NewGuid(), LineSideSignalKind.Reading, quantity, at, "sensor", "test"));
}
