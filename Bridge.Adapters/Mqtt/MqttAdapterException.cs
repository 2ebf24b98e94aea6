using Bridge.Adapters.Envelopes;

namespace Bridge.Adapters.Mqtt;

/// <summary>A publish could not be made: not connected or refused by the broker (permanent when the broker refused the topic or payload).</summary>
public sealed class MqttAdapterException(string message, bool permanent = false, Exception? inner = null)
    : EnvelopeDeliveryException(message, permanent, inner);
