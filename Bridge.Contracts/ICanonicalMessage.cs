using MassTransit;

namespace Bridge.Contracts;

/// <summary>The envelope every canonical message carries (see ARCHITECTURE.md, "Canonical messages").</summary>
[ExcludeFromTopology]
public interface ICanonicalMessage
{
    /// <summary>Idempotency key: derived from the source's own identity for inbound messages.</summary>
    Guid MessageId { get; }

    /// <summary>The business key that ties a process together (order no., request id, location).</summary>
    string CorrelationId { get; }

    /// <summary>Id of the system the message came from (e.g. <c>erp</c>, <c>wms-a</c>, <c>bridge</c>).</summary>
    string Source { get; }

    /// <summary>When it happened, always UTC.</summary>
    DateTimeOffset OccurredAt { get; }

    int SchemaVersion { get; }
}
