namespace Bridge.Host.Domain.LineSide;

/// <summary>
/// The newest signal time applied at a location from one source, and the message ids applied at exactly that time: a
/// signal from that source at or before it, unless it is a new id at that very time, was applied already (or is older
/// than what was). Kept in the level row, so a redelivered batch applies nothing twice without an inbox row per signal.
/// </summary>
public sealed record SourceMark(DateTimeOffset At, IReadOnlyList<Guid> Ids)
{
    /// <summary>Ids remembered for one instant; a source sending more signals than this with one timestamp is not expected.</summary>
    public const int KeptIds = 32;
}
