namespace Bridge.Host.Pipeline.Inbound;

/// <summary>What became of one inbound envelope.</summary>
public sealed record IngestResult(
    IngestOutcome Outcome,
    string? Mapping,
    IReadOnlyList<AcceptedMessage> Messages,
    IReadOnlyList<string> Errors,
    Guid? DeadLetterId);
