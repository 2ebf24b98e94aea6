using MassTransit;

namespace Bridge.Contracts;

/// <summary>Base of every canonical message record: the common envelope fields, nothing else.</summary>
[ExcludeFromTopology]
public abstract record CanonicalMessage : ICanonicalMessage
{
    public required Guid MessageId { get; init; }
    public required string CorrelationId { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public int SchemaVersion { get; init; } = 1;
}
