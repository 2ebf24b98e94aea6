namespace Bridge.Adapters.Envelopes;

/// <summary>
/// An outbound adapter instance. Registered as a keyed service under <see cref="AdapterKey.For"/>(adapter, instance);
/// the dispatcher looks it up from the receiving system's configuration. Throws <see cref="EnvelopeDeliveryException"/>
/// when the envelope could not be delivered after the adapter's own in-process retries.
/// </summary>
public interface IEnvelopeSender
{
    Task SendAsync(OutboundEnvelope envelope, CancellationToken ct);
}
