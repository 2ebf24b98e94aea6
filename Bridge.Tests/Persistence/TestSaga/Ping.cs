namespace Bridge.Tests.Persistence.TestSaga;

public sealed record Ping(int Number);
