using Bridge.Adapters.Envelopes;

namespace Bridge.Adapters.Amqp;

/// <summary>A publish was not confirmed (transient) or cannot be made as addressed (permanent).</summary>
public sealed class AmqpAdapterException(string message, bool permanent = false, Exception? inner = null)
    : EnvelopeDeliveryException(message, permanent, inner);
