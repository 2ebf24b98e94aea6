namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>What a WMS report on a pick order (confirmed or failed) came to for the request.</summary>
public abstract record PickReportOutcome
{
    private PickReportOutcome()
    {
    }

    /// <summary>The report is about one of the request's pick orders; <see cref="AllConfirmed"/> once every pick is confirmed.</summary>
    public sealed record Recorded(PickOrderTrack Pick, bool AllConfirmed) : PickReportOutcome;

    /// <summary>The request issued no such pick order.</summary>
    public sealed record Unmatched(string Reason) : PickReportOutcome;
}
