namespace Bridge.Host.Infrastructure.Storage;

/// <summary>
/// A saga row read in the round trip that locked the consume's inbox row (<c>Sagas.SagaLoadAhead</c>), kept by
/// the unit of work until the repository loads that instance: <see cref="State"/> is null when no row was found.
/// </summary>
public sealed record SagaRowLoadedAhead(string Table, Guid Id, int Version, string? State);
