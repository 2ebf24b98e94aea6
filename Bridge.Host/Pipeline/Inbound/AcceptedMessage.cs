namespace Bridge.Host.Pipeline.Inbound;

/// <summary>A canonical message made from an inbound envelope.</summary>
public sealed record AcceptedMessage(string Type, Guid MessageId, string CorrelationId, bool Duplicate);
