using System.Text;
using Bridge.Contracts;
using Bridge.Contracts.Messages;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Pipeline.Telemetry;
using Bridge.Host.Processes.Replenishment;
using Bridge.Host.Processes.Replenishment.Messages;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Orchestration.Replenishment;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bridge.Tests.Replenishment;

/// <summary>
/// Production's projection of raw signal deliveries on the real PostgreSQL: levels held in memory, one version-guarded
/// write per batch, each signal applied once by its source's mark (no inbox row), notices stored with the batch.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LineSideSignalProjectionTests : IAsyncLifetime
{
    private static readonly LineSideLocation A = ReplenishmentHarness.MinMax("RAW-A");
    private static readonly LineSideLocation B = ReplenishmentHarness.MinMax("RAW-B");
    private static readonly LineSideCatalog Catalog = new([A, B]);
    private static readonly DateTimeOffset At = ReplenishmentHarness.Start;
    private readonly InMemoryDeadLetterStore _deadLetters = new();
    private NpgsqlDataSource? _dataSource;

    public async Task InitializeAsync()
    {
        if (TestServers.Postgres is null)
            return;
        _dataSource = await DatabaseAsync("line-side-raw");
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task BatchWithDuplicatesAndOutOfOrderSignals_EndsWhereOneByOneEnds()
    {
        if (_dataSource is null)
            return;
        var consumed = Consumed(A, 30, At.AddSeconds(3));
        var low = Consumed(A, 20, At.AddSeconds(6));
        byte[][] bodies =
        [
            Consumed(B, 7, At), Read(A, 100, At.AddSeconds(2)), consumed, Read(A, 110, At.AddSeconds(1)), consumed, Read(A, 60, At.AddSeconds(4)),
            Consumed(A, 5, At.AddSeconds(3.5)), low, .. Enumerable.Range(0, 70).Select(i => Consumed(A, 0.1m, At.AddSeconds(10 + i))),
            low, consumed, Read(A, 10, At.AddSeconds(5)), Consumed(A, 1, At.AddSeconds(7)),
        ];
        await using var reference = await DatabaseAsync("line-side-raw-one-by-one");
        var oneByOne = Projection(reference);
        var expected = new List<LevelChangeKind>();
        var expectedNotices = new List<LineSideNotice>();
        foreach (var body in bodies)
        {
            var single = await oneByOne.ApplyAsync([body], CancellationToken.None);
            expected.Add(single.Changes.ShouldHaveSingleItem().Change.Kind);
            expectedNotices.AddRange(single.Notices);
        }

        var result = await Projection(_dataSource).ApplyAsync(bodies.Select(b => (ReadOnlyMemory<byte>)b).ToList(), CancellationToken.None);

        result.Changes.Select(c => c.Change.Kind).ShouldBe(expected);
        result.Notices.Select(n => n.MessageId).ShouldBe(expectedNotices.Select(n => n.MessageId));
        foreach (var location in new[] { A, B })
        {
            var stored = (await LevelAsync(_dataSource, location)).Level;
            var one = (await LevelAsync(reference, location)).Level;
            (stored.Quantity, stored.LastReadingAt, stored.LowReported, stored.SignalCount).ShouldBe((one.Quantity, one.LastReadingAt, one.LowReported, one.SignalCount));
            stored.LastSignals.Select(s => s.MessageId).ShouldBe(one.LastSignals.Select(s => s.MessageId));
        }

        // What the rules say: the reading at 1 s (older than the sensor's last), the count at 3.5 s (before the reading at 4 s)
        // and every signal older than its source's last applied one (the redelivered counts, the count at 7 s after the one
        // at 79 s) are stale; the id seen again at the same time is a duplicate; the reading at 5 s sets 10.
        expected.Count(k => k == LevelChangeKind.Duplicate).ShouldBe(1);
        expected.Count(k => k == LevelChangeKind.Stale).ShouldBe(5);
        (await LevelAsync(_dataSource, A)).Level.Quantity.ShouldBe(10m);
        (await LevelAsync(_dataSource, B)).Level.Quantity.ShouldBe(113m);
        result.Notices.ShouldHaveSingleItem().Message.ShouldBeOfType<LineSideLevelLow>().Quantity.ShouldBe(40m);
    }

    [Fact]
    public async Task BatchRedeliveredToAFreshHost_AppliesNothingTwice()
    {
        if (_dataSource is null)
            return;
        List<ReadOnlyMemory<byte>> batch = [Consumed(A, 50, At.AddSeconds(1)), Consumed(B, 10, At.AddSeconds(1)), Consumed(A, 40, At.AddSeconds(2))];
        var first = await Projection(_dataSource).ApplyAsync(batch, CancellationToken.None);
        first.Notices.ShouldHaveSingleItem();

        // Committed, then the host died before the acknowledgement: another projection (nothing in memory) gets it again.
        var again = await Projection(_dataSource).ApplyAsync([.. batch, Consumed(B, 20, At.AddSeconds(2))], CancellationToken.None);

        again.Changes.Take(3).ShouldAllBe(c => c.Change.Kind != LevelChangeKind.Applied);
        again.Changes[3].Change.Level.Quantity.ShouldBe(90m);
        again.Notices.ShouldBeEmpty();
        (await LevelAsync(_dataSource, A)).Level.Quantity.ShouldBe(30m);
        (await LevelAsync(_dataSource, B)).Level.Quantity.ShouldBe(90m);
    }

    [Fact]
    public async Task NoticeCommittedButNotPublished_StaysForTheRelay_AndTheRedeliveredBatchAddsNone()
    {
        if (_dataSource is null)
            return;
        List<ReadOnlyMemory<byte>> batch = [Consumed(A, 85, At.AddSeconds(1))];

        // Committed with its notice; the host died before publishing it (and before the acknowledgement).
        var first = await Projection(_dataSource).ApplyAsync(batch, CancellationToken.None);
        var again = await Projection(_dataSource).ApplyAsync(batch, CancellationToken.None);

        again.Notices.ShouldBeEmpty();
        var left = (await new LineSideNoticeOutbox(_dataSource, new PostgresSession(_dataSource), TimeProvider.System)
            .LeftOverAsync(TimeSpan.Zero, 10, CancellationToken.None)).ShouldHaveSingleItem();
        left.MessageId.ShouldBe(first.Notices.ShouldHaveSingleItem().MessageId);
        left.Message.ShouldBeOfType<LineSideLevelLow>().Quantity.ShouldBe(35m);
        (await LevelAsync(_dataSource, A)).Level.Quantity.ShouldBe(35m);
    }

    [Fact]
    public async Task RowChangedByAReceiptMeanwhile_IsReadAgain_NoUpdateLost()
    {
        if (_dataSource is null)
            return;
        var projection = Projection(_dataSource);
        await projection.ApplyAsync([Consumed(A, 10, At.AddSeconds(1))], CancellationToken.None);
        var receipt = new LineSideSignal(Guid.NewGuid(), LineSideSignalKind.Receipt, 5, At.AddSeconds(2), "wms-b", "fulfilled");
        await new PostgresLineSideLevels(new PostgresSession(_dataSource)).ApplyAsync(A, receipt, CancellationToken.None);

        var result = await projection.ApplyAsync([Consumed(A, 10, At.AddSeconds(3))], CancellationToken.None);

        result.Changes.ShouldHaveSingleItem().Change.Level.Quantity.ShouldBe(105m);
        var stored = await LevelAsync(_dataSource, A);
        stored.Level.Quantity.ShouldBe(105m);
        stored.Version.ShouldBe(3);
    }

    [Fact]
    public async Task Preload_HoldsEveryConfiguredLocationAsStored_AndARowChangedAfterItIsReadAgain()
    {
        if (_dataSource is null)
            return;
        await Projection(_dataSource).ApplyAsync([Consumed(A, 30, At.AddSeconds(1))], CancellationToken.None);
        (await RowCountAsync(_dataSource)).ShouldBe(1);

        // A fresh host reads every configured location before its first delivery: A as stored, B created full.
        var projection = Projection(_dataSource);
        await projection.PreloadAsync(CancellationToken.None);
        (await RowCountAsync(_dataSource)).ShouldBe(2);
        var receipt = new LineSideSignal(Guid.NewGuid(), LineSideSignalKind.Receipt, 5, At.AddSeconds(2), "wms-b", "fulfilled");
        await new PostgresLineSideLevels(new PostgresSession(_dataSource)).ApplyAsync(A, receipt, CancellationToken.None);

        var result = await projection.ApplyAsync([Consumed(A, 10, At.AddSeconds(3)), Consumed(B, 20, At.AddSeconds(3))], CancellationToken.None);

        result.Changes.Select(c => c.Change.Level.Quantity).ShouldBe([85m, 100m]);
        (await LevelAsync(_dataSource, A)).Level.Quantity.ShouldBe(85m);
        (await LevelAsync(_dataSource, B)).Level.Quantity.ShouldBe(100m);
    }

    [Fact]
    public async Task PoisonSignals_AreDeadLetteredOnceEach_AndTheBatchProceeds()
    {
        if (_dataSource is null)
            return;
        List<ReadOnlyMemory<byte>> batch =
        [
            Consumed(A, 10, At.AddSeconds(1)), Encoding.UTF8.GetBytes("{\"messageType\":[\"bridge:LineSideConsumptionReported:v1\"],\"message\":{\"location\":"),
            Envelope(new LineSideConsumptionReported
            {
                MessageId = Guid.NewGuid(), CorrelationId = "", Source = "plc", OccurredAt = At, Location = "NOWHERE", Material = "A-100", Quantity = 1, Unit = "pcs",
            }),
            Consumed(A, 15, At.AddSeconds(2)),
        ];

        var result = await Projection(_dataSource).ApplyAsync(batch, CancellationToken.None);

        result.DeadLettered.ShouldBe(2);
        result.Changes.Select(c => c.Change.Level.Quantity).ShouldBe([110m, 95m]);
        var letters = await _deadLetters.ListAsync(10, true, CancellationToken.None);
        letters.Count.ShouldBe(2);
        letters.ShouldContain(l => l.Reason.Contains("cannot be read", StringComparison.Ordinal) && l.Metadata["queue"] == LineSideSignalQueue.Name);
        letters.ShouldContain(l => l.Reason.Contains("no line-side location 'NOWHERE'", StringComparison.Ordinal) && l.Metadata["location"] == "NOWHERE");
    }

    [Fact]
    public async Task Pack_AppliesItsSignalsInOrder_APoisonOneIsDeadLetteredAlone_AnUnreadablePackWhole()
    {
        if (_dataSource is null)
            return;
        var projection = Projection(_dataSource);
        var nowhere = Envelope(new LineSideConsumptionReported
        {
            MessageId = Guid.NewGuid(), CorrelationId = "", Source = "plc", OccurredAt = At, Location = "NOWHERE", Material = "A-100", Quantity = 1, Unit = "pcs",
        });
        var pack = Pack(Consumed(A, 10, At.AddSeconds(1)), nowhere, Consumed(A, 15, At.AddSeconds(2)), Read(B, 50, At.AddSeconds(3)));
        var broken = pack[..^20];

        var decoded = projection.DecodeDelivery(pack).Concat(projection.DecodeDelivery(broken)).ToList();
        var result = await projection.ApplyAsync(decoded, CancellationToken.None);

        decoded.Count.ShouldBe(5);
        result.DeadLettered.ShouldBe(2);
        result.Changes.Select(c => (c.Signal.Location.Id, c.Change.Level.Quantity)).ShouldBe([(A.Id, 110m), (A.Id, 95m), (B.Id, 50m)]);
        (await LevelAsync(_dataSource, A)).Level.Quantity.ShouldBe(95m);
        var letters = await _deadLetters.ListAsync(10, true, CancellationToken.None);
        letters.ShouldContain(l => l.Metadata.GetValueOrDefault("location") == "NOWHERE");
        letters.ShouldContain(l => l.Reason.Contains("pack", StringComparison.Ordinal) && l.Body.SequenceEqual(broken));
    }

    private static byte[] Pack(params byte[][] envelopes) =>
        [(byte)'[', .. envelopes.SelectMany((e, i) => i == 0 ? e : [(byte)',', .. e]), (byte)']'];

    private LineSideSignalProjection Projection(NpgsqlDataSource dataSource) =>
        new(dataSource, new LineSideSignalReader(Catalog), new LineSideDeadLetters(_deadLetters, TimeProvider.System, NullLogger<LineSideDeadLetters>.Instance), TimeProvider.System);

    private static async Task<NpgsqlDataSource> DatabaseAsync(string purpose)
    {
        var dataSource = NpgsqlDataSource.Create(await TestServers.CreateDatabaseAsync(purpose));
        await new DatabaseSchemaMigrator(dataSource, [OutboxSchema.Script, new LineSideSchemaScript(), new LineSideNoticeSchemaScript()],
            TimeProvider.System, NullLogger<DatabaseSchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return dataSource;
    }

    private static async Task<long> RowCountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select count(*) from line_side_levels");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<VersionedLevel> LevelAsync(NpgsqlDataSource dataSource, LineSideLocation location)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await PostgresLineSideLevelRows.LoadAsync(connection, null, [location], CancellationToken.None))[location.Id];
    }

    private static byte[] Consumed(LineSideLocation location, decimal quantity, DateTimeOffset at) => Envelope(new LineSideConsumptionReported
    {
        MessageId = Guid.NewGuid(), CorrelationId = location.Id, Source = "plc", OccurredAt = at, Location = location.Id, Material = "A-100",
        Quantity = quantity, Unit = "pcs",
    });

    private static byte[] Read(LineSideLocation location, decimal quantity, DateTimeOffset at) => Envelope(new BinLevelReported
    {
        MessageId = Guid.NewGuid(), CorrelationId = location.Id, Source = "sensor", OccurredAt = at, Location = location.Id, Value = quantity, Unit = "pcs",
    });

    private static byte[] Envelope(CanonicalMessage message) => new TelemetryEnvelopeEncoder(TimeProvider.System).Encode(message).Body.ToArray();
}
