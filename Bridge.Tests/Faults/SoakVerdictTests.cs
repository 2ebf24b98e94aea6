using Bridge.Faults.Harness;
using Bridge.Faults.Scenarios;

namespace Bridge.Tests.Faults;

/// <summary>
/// R7's rules, on windows made up here: a steady soak holds; a soak whose baseline is already a backlog fails on the
/// ceiling although its p99 grew less than 1.5× (session 14's loaded hour: 117 s → 173 s "held"); growth, tables past
/// retention and what is left at the end fail it. The peak is the burst end to end, not its middle.
/// </summary>
public sealed class SoakVerdictTests
{
    private static readonly TableCensus Clean = new(0, 0, 40_000, 0, 0, 6_000, 0);

    [Fact]
    public void ASteadySoak_Holds()
    {
        var tenths = new SoakTenths(Windows(60, _ => (300, 120)));

        SoakVerdict.Judge(tenths, Clean, 0, 0).ShouldBeEmpty();
        SoakVerdict.Summary(tenths).ShouldContain("p99 120 → 120 ms");
    }

    [Fact]
    public void ABacklogThatGrowsSlowly_FailsOnTheCeiling_NotOnGrowth()
    {
        var tenths = new SoakTenths(Windows(60, i => (300, i < 30 ? 117_000 : 173_000)));

        var notes = SoakVerdict.Judge(tenths, Clean, 0, 0);

        notes.ShouldHaveSingleItem().ShouldContain("above the 2000 ms a request may take at half the peak");
    }

    [Fact]
    public void GrowthInRssOrLatency_TablesPastRetention_AndWhatIsLeft_FailIt()
    {
        var windows = Windows(60, i => (i >= 54 ? 340 : 300, i >= 54 ? 400 : 120));
        windows[20] = windows[20] with { Census = Clean with { InboxOverdue = 3 } };
        windows[40] = windows[40] with { Census = Clean with { SagasOverdue = 2 } };
        var end = Clean with { OutboxWaiting = 1, SagasOpen = 4 };

        var notes = SoakVerdict.Judge(new SoakTenths(windows), end, 1, 0);

        notes.ShouldContain(n => n.StartsWith("RSS grew 300 → 340 MB", StringComparison.Ordinal));
        notes.ShouldContain("p99 grew 120 → 400 ms");
        notes.ShouldContain("inbox rows past their retention in 1 windows (up to 3)");
        notes.ShouldContain("ended requests past their retention in 1 windows (up to 2)");
        notes.ShouldContain("1 messages left waiting in the outboxes");
        notes.ShouldContain("4 requests still open");
        notes.ShouldContain("1 requests and 0 orders refused or never taken");
    }

    [Fact]
    public void TooFewWindows_AreNotJudgedAsHolding()
    {
        SoakVerdict.Judge(new SoakTenths(Windows(2, _ => (300, 100))), Clean, 0, 0).ShouldHaveSingleItem().ShouldStartWith("too short to judge");
    }

    [Fact]
    public void ThePeak_IsTheBurstEndToEnd_NotTheDeliveriesInItsMiddle()
    {
        // 600 requests posted from 0 s; nothing is delivered for 18 s, then every delivery comes within 10 s.
        var start = DateTimeOffset.UnixEpoch;
        var arrivals = Enumerable.Range(0, 600).Select(i => start.AddSeconds(18 + i / 60.0)).ToList();

        var peak = SoakPeak.Of(start, arrivals);

        peak.PerSecond.ShouldBe(600 / (18 + 599 / 60.0), 0.01);
        peak.MiddlePerSecond.ShouldBe(60, 0.5);
        Should.Throw<ArgumentException>(() => SoakPeak.Of(start, arrivals.Take(9).ToList()));
    }

    private static List<SoakWindow> Windows(int count, Func<int, (long RssMb, double P99Ms)> shape) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var (rss, p99) = shape(i);
            return new SoakWindow(DateTimeOffset.UnixEpoch.AddMinutes(i), rss, Clean, p99 / 2, p99, 600);
        }).ToList();
}
