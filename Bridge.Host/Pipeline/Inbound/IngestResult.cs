using Bridge.Mappings;

namespace Bridge.Host.Pipeline.Inbound;

/// <summary>What became of one inbound envelope.</summary>
public sealed record IngestResult(
    IngestOutcome Outcome,
    string? Mapping,
    IReadOnlyList<AcceptedMessage> Messages,
    IReadOnlyList<string> Errors,
    Guid? DeadLetterId)
{
    /// <summary>Defaults the mapping used (<c>fallback()</c>, a date read as midnight): the messages were still made.</summary>
    public IReadOnlyList<MappingWarning> Warnings { get; init; } = [];
}
