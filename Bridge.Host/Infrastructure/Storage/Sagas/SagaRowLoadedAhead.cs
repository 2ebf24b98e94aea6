namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// A saga row read in the round trip that locked the consume's inbox row (<see cref="SagaLoadAhead{TSaga}"/>), kept by
/// the unit of work until the repository loads that instance: <see cref="State"/> is null when no row was found.
/// </summary>
public sealed record SagaRowLoadedAhead(string Table, Guid Id, int Version, string? State);
