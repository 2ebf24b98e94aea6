using Bridge.Contracts;
using Bridge.Host.Domain.LineSide;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// One delivery of the signal queue as <see cref="LineSideSignalProjection.Decode"/> read it: a signal for a configured
/// location, or what to dead-letter (the body is copied only then: a usable delivery's bytes are not kept).
/// </summary>
public readonly record struct DecodedSignal(LocatedSignal? Signal, DecodedSignal.Rejection? Rejected)
{
    /// <param name="Message">The signal as read, when the body was readable (the dead letter keeps it); else the raw body is kept.</param>
    public sealed record Rejection(byte[] Body, CanonicalMessage? Message, string Reason);
}
