namespace Bridge.Tests.Persistence.TestSaga;

/// <summary>Correlated by a property of the state, not the id: exercises query-based correlation.</summary>
public sealed record RenameCounterByName(string Name, string NewName);
