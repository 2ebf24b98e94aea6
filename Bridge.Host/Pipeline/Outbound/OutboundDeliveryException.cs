namespace Bridge.Host.Pipeline.Outbound;

/// <summary>One or more receiving systems did not take a message; the systems that did are not sent it again.</summary>
public sealed class OutboundDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
