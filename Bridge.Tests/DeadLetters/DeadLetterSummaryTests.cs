using Bridge.Host.Demo;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Tests.Infrastructure;
using Bridge.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Bridge.Tests.DeadLetters;

/// <summary>
/// Found by the fault suite's R4 (host memory under hostile input): the operations gauges counted open dead letters
/// every 15 s by loading the newest 5,000 with their bodies, and the status page loaded 1,000 — after a flood of
/// megabyte payloads that is gigabytes read into the host to produce a count. Counts and overviews now read
/// <see cref="IDeadLetterStore.SummarizeAsync"/>, which leaves the body in PostgreSQL. Real PostgreSQL, production mode.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DeadLetterSummaryTests() : RealStackHostTest("dlsum", "mes", "wms-a")
{
    private const int Letters = 12;
    private const int BodyBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Found again by R4 (session 13): the gauges then counted open letters by reading the newest 5,000 summaries, each
    /// with its reason (up to 100 mapping errors), every 15 s — a cost that grew with the table between R4's passes.
    /// </summary>
    [Fact]
    public async Task PostgresStore_CountsOpenLettersInTheDatabase_WithoutReadingTheirReasons()
    {
        if (Host is null)
        {
            return;
        }

        var store = Host.Services.GetRequiredService<IDeadLetterStore>();
        var before = await store.CountOpenAsync(CancellationToken.None);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var letter = new DeadLetter(Guid.NewGuid(), DateTimeOffset.UnixEpoch.AddMinutes(i), "scada", "bin-level", "scada-bin-level",
                "application/json", [1], new string('r', 256 * 1024), new Dictionary<string, string>());
            await store.AddAsync(letter, CancellationToken.None);
            ids.Add(letter.Id);
        }

        await store.DiscardAsync(ids[0], DateTimeOffset.UnixEpoch, "test", CancellationToken.None);
        await store.MarkReplayedAsync(ids[1], DateTimeOffset.UnixEpoch, CancellationToken.None);

        var counted = long.MaxValue;
        var open = 0L;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var start = GC.GetTotalAllocatedBytes(precise: true);
            open = await store.CountOpenAsync(CancellationToken.None);
            counted = Math.Min(counted, GC.GetTotalAllocatedBytes(precise: true) - start);
        }

        open.ShouldBe(before + 1);
        counted.ShouldBeLessThan(64 * 1024, "a count reads no reason of 256 KB");
    }

    [Fact]
    public async Task PostgresStore_SummarizesTheNewestWithoutReadingTheirBodies()
    {
        if (Host is null)
        {
            return;
        }

        var store = Host.Services.GetRequiredService<IDeadLetterStore>();
        store.ShouldBeOfType<PostgresDeadLetterStore>();
        var ids = new List<Guid>();
        for (var i = 0; i < Letters; i++)
        {
            var letter = new DeadLetter(Guid.NewGuid(), DateTimeOffset.UnixEpoch.AddMinutes(i), "scada", "bin-level", "scada-bin-level",
                "application/json", new byte[BodyBytes], $"reason {i}", new Dictionary<string, string>());
            await store.AddAsync(letter, CancellationToken.None);
            ids.Add(letter.Id);
        }

        await store.DiscardAsync(ids[0], DateTimeOffset.UnixEpoch, "test", CancellationToken.None);
        await store.SummarizeAsync(Letters, true, CancellationToken.None); // warm: the first call compiles what it needs

        // The process's allocations (other tests run meanwhile): the least of five summaries is this call's own.
        IReadOnlyList<DeadLetterSummary> open = [];
        var summarized = long.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var start = GC.GetTotalAllocatedBytes(precise: true);
            open = await store.SummarizeAsync(Letters, false, CancellationToken.None);
            summarized = Math.Min(summarized, GC.GetTotalAllocatedBytes(precise: true) - start);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var listed = await store.ListAsync(Letters, false, CancellationToken.None);
        var loaded = GC.GetTotalAllocatedBytes(precise: true) - before;

        open.Select(l => l.Id).ShouldBe(ids.Skip(1).Reverse());
        open[0].ShouldBe(new DeadLetterSummary(ids[^1], DateTimeOffset.UnixEpoch.AddMinutes(Letters - 1), "scada", "bin-level", $"reason {Letters - 1}", false));
        (await store.SummarizeAsync(Letters, true, CancellationToken.None)).Single(l => l.Id == ids[0]).Resolved.ShouldBeTrue();
        listed.Count.ShouldBe(Letters - 1);
        loaded.ShouldBeGreaterThan((long)(Letters - 1) * BodyBytes);
        // Eleven 4 MB bodies are 44 MB; their summaries are a few kilobytes.
        summarized.ShouldBeLessThan(4L * 1024 * 1024);
    }
}
