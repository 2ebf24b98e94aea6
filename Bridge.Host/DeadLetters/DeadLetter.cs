namespace Bridge.Host.DeadLetters;

/// <summary>A payload Bridge could not accept, kept byte for byte with the reason a person can act on.</summary>
public sealed record DeadLetter(
    Guid Id,
    DateTimeOffset ReceivedAt,
    string System,
    string MessageType,
    string? Mapping,
    string ContentType,
    byte[] Body,
    string Reason);
