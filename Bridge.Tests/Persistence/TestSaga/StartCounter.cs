namespace Bridge.Tests.Persistence.TestSaga;

public sealed record StartCounter(Guid CorrelationId, string Name, int TimeoutSeconds);
