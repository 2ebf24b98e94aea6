namespace Bridge.Adapters.Envelopes;

/// <summary>What Bridge did with an inbound envelope: taken (<see cref="Accepted"/>), or kept as a dead letter with a reason.</summary>
public sealed record EnvelopeReceipt(bool Accepted, string? Reason = null, Guid? DeadLetterId = null)
{
    public static EnvelopeReceipt Taken { get; } = new(true);
}
