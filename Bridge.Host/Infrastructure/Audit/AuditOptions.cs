namespace Bridge.Host.Infrastructure.Audit;

/// <summary>Section <c>Bridge:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Bridge:Audit";

    /// <summary>Days of audit rows kept; older days are dropped whole (a day's chain stays verifiable). Default 90.</summary>
    public int RetentionDays { get; set; } = 90;
}
