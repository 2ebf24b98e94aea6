namespace Bridge.Faults.Scenarios;

/// <summary>
/// R7's windows cut into tenths once, for the judgement and the summary alike: the second tenth is the baseline (the
/// first is warm-up), the last tenth the end; RSS and p99 are each tenth's highest.
/// </summary>
public sealed class SoakTenths
{
    public SoakTenths(IReadOnlyList<SoakWindow> windows)
    {
        Windows = windows;
        var tenth = Math.Max(1, windows.Count / 10);
        var second = windows.Skip(tenth).Take(tenth).ToList();
        var last = windows.Skip(windows.Count - tenth).ToList();
        CanJudge = second.Count > 0 && windows.Count >= 3;
        if (!CanJudge) return;
        RssBase = second.Max(w => w.RssMb);
        RssEnd = last.Max(w => w.RssMb);
        P99Base = second.Max(w => w.P99Ms);
        P99End = last.Max(w => w.P99Ms);
    }

    public IReadOnlyList<SoakWindow> Windows { get; }

    /// <summary>False when there are too few windows for a baseline and an end.</summary>
    public bool CanJudge { get; }

    public long RssBase { get; }

    public long RssEnd { get; }

    public double P99Base { get; }

    public double P99End { get; }
}
