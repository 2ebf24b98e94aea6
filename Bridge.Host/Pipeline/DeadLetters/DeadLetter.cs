namespace Bridge.Host.Pipeline.DeadLetters;

/// <summary>
/// A payload Bridge could not accept, kept byte for byte with its protocol metadata and the reason a person can act
/// on. <see cref="ReplayedAt"/> is set once a replay (after the mapping was fixed) got it accepted;
/// <see cref="DiscardedAt"/> and <see cref="DiscardReason"/> once an administrator gave it up (kept for the audit).
/// </summary>
public sealed record DeadLetter(
    Guid Id,
    DateTimeOffset ReceivedAt,
    string System,
    string MessageType,
    string? Mapping,
    string ContentType,
    byte[] Body,
    string Reason,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset? ReplayedAt = null,
    DateTimeOffset? DiscardedAt = null,
    string? DiscardReason = null)
{
    /// <summary>Replayed or discarded: no longer waiting for a person.</summary>
    public bool Resolved => ReplayedAt is not null || DiscardedAt is not null;
}
