using Bridge.Host.Infrastructure.Audit;
using Microsoft.Extensions.Options;

namespace Bridge.Tests.Operations.Audit;

/// <summary>Each day's audit rows are hash-chained: any change, removal or insertion is found, at the first row it breaks.</summary>
public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Day1 = DateTimeOffset.Parse("2026-11-30T23:59:00Z");

    [Fact]
    public async Task UntouchedChain_Holds_AcrossDays()
    {
        var trail = await FilledAsync();

        var (rows, broken) = await AuditVerifier.VerifyAsync(trail, CancellationToken.None);

        broken.ShouldBeNull();
        rows.ShouldBe(5);
        (await trail.DaysAsync(CancellationToken.None)).Count.ShouldBe(2);
        (await trail.ReadDayAsync(DateOnly.Parse("2026-12-01"), CancellationToken.None))[0].PreviousHash.ShouldBe(AuditChain.Genesis);
    }

    [Fact]
    public async Task ChangedRow_IsTheFirstBrokenLink()
    {
        var trail = await FilledAsync();
        var day = DateOnly.Parse("2026-11-30");
        var row = (await trail.ReadDayAsync(day, CancellationToken.None))[1];
        trail.Overwrite(row with { Entry = row.Entry with { Result = "accepted", Reason = "nothing to see" } });

        var (_, broken) = await AuditVerifier.VerifyAsync(trail, CancellationToken.None);

        broken.ShouldNotBeNull();
        broken.Day.ShouldBe(day);
        broken.Sequence.ShouldBe(2);
        broken.Reason.ShouldContain("does not match its hash");
    }

    [Fact]
    public async Task RowRehashedToHideAChange_BreaksTheNextLink()
    {
        var trail = await FilledAsync();
        var day = DateOnly.Parse("2026-11-30");
        var row = (await trail.ReadDayAsync(day, CancellationToken.None))[0];
        var forged = row.Entry with { Size = 1 };
        trail.Overwrite(row with { Entry = forged, Hash = AuditChain.Hash(day, 1, forged, row.PreviousHash) });

        var (_, broken) = await AuditVerifier.VerifyAsync(trail, CancellationToken.None);

        broken!.Sequence.ShouldBe(2);
        broken.Reason.ShouldContain("does not link");
    }

    private static async Task<InMemoryAuditTrail> FilledAsync()
    {
        var trail = new InMemoryAuditTrail(Options.Create(new AuditOptions()));
        for (var i = 0; i < 5; i++)
        {
            // Rows 1-3 on Nov 30, 4-5 on Dec 1 (the chain starts again each day).
            var at = Day1.AddSeconds(i * 30);
            await trail.AppendAsync(new AuditEntry(at, i % 2 == 0 ? "in" : "out", "wms-a", "http:default", "inventory", $"m-{i}", "MR-1", 100 + i,
                i == 1 ? "dead-lettered" : "accepted", i == 1 ? "wms-a-inventory: field 'quantity': not a number" : null, 1.5), CancellationToken.None);
        }

        return trail;
    }
}
