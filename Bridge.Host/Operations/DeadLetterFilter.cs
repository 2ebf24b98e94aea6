using Bridge.Host.Pipeline.DeadLetters;

namespace Bridge.Host.Operations;

/// <summary>Which dead letters: by system, mapping, a piece of the reason (case-insensitive) and a time window.</summary>
public sealed record DeadLetterFilter(string? System, string? Mapping, string? Reason, DateTimeOffset? Since, DateTimeOffset? Until)
{
    /// <summary>Letters looked at per request: the newest this many (enough for a morning's failures).</summary>
    public const int Window = 1000;

    public bool Matches(DeadLetter letter) =>
        (System is null || letter.System == System)
        && (Mapping is null || letter.Mapping == Mapping)
        && (Reason is null || letter.Reason.Contains(Reason, StringComparison.OrdinalIgnoreCase))
        && (Since is null || letter.ReceivedAt >= Since)
        && (Until is null || letter.ReceivedAt < Until);
}
