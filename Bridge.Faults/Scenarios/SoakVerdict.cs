using System.Globalization;
using Bridge.Faults.Harness;

namespace Bridge.Faults.Scenarios;

/// <summary>
/// R7's rules over its windows: RSS in the last tenth under 1.1× the second tenth's (the first is warm-up); p99 in the
/// last tenth under 1.5× the second tenth's (or 50 ms more: a few ms of noise is not a trend) and both under 2 s (at
/// half the peak nothing should queue, and a baseline that is itself a backlog makes any growth look stable); no inbox
/// row and no ended request past its retention in any window; nothing waiting in an outbox and no request open at the
/// end; nothing refused.
/// </summary>
public static class SoakVerdict
{
    public const double RssGrowthLimit = 1.10;
    public const double LatencyGrowthLimit = 1.5;
    public static readonly TimeSpan LatencyNoise = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan LatencyCeiling = TimeSpan.FromSeconds(2);

    /// <summary>What fails the soak; empty when it holds.</summary>
    public static List<string> Judge(SoakTenths tenths, TableCensus end, long requestsRejected, long ordersRefused)
    {
        var notes = new List<string>();
        if (!tenths.CanJudge)
        {
            notes.Add($"too short to judge ({tenths.Windows.Count} windows)");
            return notes;
        }

        if (tenths.RssEnd > tenths.RssBase * RssGrowthLimit)
            notes.Add($"RSS grew {tenths.RssBase} → {tenths.RssEnd} MB ({(double)tenths.RssEnd / tenths.RssBase:0.00}×, limit {RssGrowthLimit:0.00}×)");
        if (tenths.P99End > Math.Max(tenths.P99Base * LatencyGrowthLimit, tenths.P99Base + LatencyNoise.TotalMilliseconds))
            notes.Add($"p99 grew {tenths.P99Base:0} → {tenths.P99End:0} ms");
        if (Math.Max(tenths.P99Base, tenths.P99End) > LatencyCeiling.TotalMilliseconds)
            notes.Add($"p99 {tenths.P99Base:0} ms (second tenth) and {tenths.P99End:0} ms (last tenth), above the {LatencyCeiling.TotalMilliseconds:0} ms a request may take at half the peak (the host fell behind)");
        var windows = tenths.Windows;
        var overdue = windows.Where(w => w.Census.InboxOverdue > 0).ToList();
        if (overdue.Count > 0)
            notes.Add($"inbox rows past their retention in {overdue.Count} windows (up to {overdue.Max(w => w.Census.InboxOverdue)})");
        var sagasOverdue = windows.Where(w => w.Census.SagasOverdue > 0).ToList();
        if (sagasOverdue.Count > 0)
            notes.Add($"ended requests past their retention in {sagasOverdue.Count} windows (up to {sagasOverdue.Max(w => w.Census.SagasOverdue)})");
        if (end.OutboxWaiting + end.InboundOutboxWaiting > 0)
            notes.Add($"{end.OutboxWaiting + end.InboundOutboxWaiting} messages left waiting in the outboxes");
        if (end.SagasOpen > 0)
            notes.Add($"{end.SagasOpen} requests still open");
        if (requestsRejected > 0 || ordersRefused > 0)
            notes.Add($"{requestsRejected} requests and {ordersRefused} orders refused or never taken");
        return notes;
    }

    /// <summary>The figures the row's fault column shows.</summary>
    public static string Summary(SoakTenths tenths)
    {
        var windows = tenths.Windows;
        if (!tenths.CanJudge) return $"{windows.Count} windows";
        return string.Create(CultureInfo.InvariantCulture,
            $"RSS {tenths.RssBase} → {tenths.RssEnd} MB, p99 {tenths.P99Base:0} → {tenths.P99End:0} ms, "
            + $"inbox at most {windows.Max(w => w.Census.InboxRows):N0} rows, outboxes at most {windows.Max(w => w.Census.OutboxWaiting + w.Census.InboundOutboxWaiting)} waiting, "
            + $"open requests at most {windows.Max(w => w.Census.SagasOpen)}, ended requests kept at most {windows.Max(w => w.Census.SagasEnded):N0}");
    }
}
