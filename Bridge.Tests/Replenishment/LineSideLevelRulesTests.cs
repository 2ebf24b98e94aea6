using Bridge.Host.Domain.LineSide;
using Bridge.Tests.Orchestration.Replenishment;

namespace Bridge.Tests.Replenishment;

/// <summary>The level keeps its last signals, newest first, never more than <see cref="LineSideLevel.KeptSignals"/>.</summary>
public sealed class LineSideLevelRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ManySignals_TheLevelKeepsTheNewestTen_NewestFirst()
    {
        var location = ReplenishmentHarness.MinMax("RAW-A");
        var level = new LineSideLevel { Location = location.Id, Quantity = 1000m };
        var ids = Enumerable.Range(1, LineSideLevel.KeptSignals + 3).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            level = LineSideLevelRules.Apply(level, location, new LineSideSignal(id, LineSideSignalKind.Consumption, 1m, At.AddSeconds(i), "plc", "consumed 1 pcs")).Level;

        level.SignalCount.ShouldBe(ids.Count);
        level.LastSignals.Select(s => s.MessageId).ShouldBe(Enumerable.Reverse(ids).Take(LineSideLevel.KeptSignals));
    }
}
