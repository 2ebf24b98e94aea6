namespace Bridge.Host.Processes.Transfers;

/// <summary>
/// The canonical words of <c>TransportStatusChanged.Status</c>: <c>dispatched</c>, <c>in-transit</c>, <c>delivered</c>,
/// <c>failed</c>. Read leniently (case, spaces and underscores), so a TMS mapping may pass <c>In Transit</c> through.
/// </summary>
public static class TransportStatus
{
    public const string Dispatched = "dispatched";
    public const string InTransit = "in-transit";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public static string? Parse(string? status) =>
        (status ?? "").Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-') switch
        {
            Dispatched => Dispatched,
            InTransit or "intransit" => InTransit,
            Delivered => Delivered,
            Failed => Failed,
            _ => null,
        };
}
