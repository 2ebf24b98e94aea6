namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// <c>Bridge:OutboundRetry</c>. After the adapter's in-process retries (Polly) a (message, system) pair that was not
/// delivered is tried again at each delay of <see cref="Schedule"/> (a durable Hangfire schedule: PostgreSQL in
/// production, so it survives a restart), then kept as a dead letter an operator can replay.
/// </summary>
public sealed class OutboundRetryOptions
{
    public const string Section = "Bridge:OutboundRetry";

    /// <summary>The wait before each re-attempt; the number of entries is the number of re-attempts.</summary>
    public List<TimeSpan> Schedule { get; set; } = [];

    /// <summary>Rows of <c>outbound_deliveries</c> older than this many days are deleted by a recurring job.</summary>
    public int DeliveryRetentionDays { get; set; } = 30;

    public string CleanupCron { get; set; } = "17 3 * * *";

    /// <summary>The schedule in force: the configured one, or 1 min, 5 min, 30 min, 2 h.</summary>
    public IReadOnlyList<TimeSpan> Delays => Schedule.Count > 0
        ? Schedule
        : [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];
}
