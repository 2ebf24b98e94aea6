namespace Bridge.Host.Infrastructure.Audit;

/// <summary>
/// One message crossing Bridge's edge: <see cref="Direction"/> <c>in</c> (an adapter handed it over) or <c>out</c>
/// (Bridge sent it to a system), or <c>discard</c> (an administrator gave up a dead letter; the reason says who and why). <see cref="Result"/>: accepted, duplicate, dead-lettered, no-mapping, delivered, failed, discarded.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Direction,
    string System,
    string Adapter,
    string MessageType,
    string? MessageId,
    string? CorrelationId,
    long Size,
    string Result,
    string? Reason,
    double DurationMs);
