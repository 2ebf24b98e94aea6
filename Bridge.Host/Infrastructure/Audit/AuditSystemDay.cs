namespace Bridge.Host.Infrastructure.Audit;

/// <summary>
/// What one system's rows of one day add up to: rows in all, in and out, in and out since a given time, and its last
/// outbound row (null: nothing sent that day). What the status page and the gauges need, without reading the rows.
/// </summary>
public sealed record AuditSystemDay(string System, long Rows, long In, long Out, long InRecent, long OutRecent, AuditEntry? LastOutbound);
