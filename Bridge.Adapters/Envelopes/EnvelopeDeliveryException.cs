namespace Bridge.Adapters.Envelopes;

/// <summary>
/// An outbound envelope could not be delivered. <see cref="Permanent"/> is true when trying again cannot help
/// (the receiver refused the content, e.g. HTTP 4xx other than 408/429): the dispatcher dead-letters at once
/// instead of scheduling durable retries.
/// </summary>
public class EnvelopeDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
