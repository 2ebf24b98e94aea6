namespace Bridge.Adapters.Envelopes;

/// <summary>
/// Where an inbound adapter hands what it received. When the returned task completes, Bridge has durably taken the
/// envelope (published, stored, or kept as a dead letter), so the adapter may acknowledge it to its peer; when it
/// throws, nothing was taken and the adapter must not acknowledge (the peer re-delivers).
/// </summary>
public interface IEnvelopeSink
{
    Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct);
}
