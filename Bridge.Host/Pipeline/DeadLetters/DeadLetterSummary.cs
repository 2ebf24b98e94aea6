namespace Bridge.Host.Pipeline.DeadLetters;

/// <summary>A dead letter without its body: what counts and overviews need (a body can be megabytes).</summary>
public sealed record DeadLetterSummary(Guid Id, DateTimeOffset ReceivedAt, string System, string MessageType, string Reason, bool Resolved);
