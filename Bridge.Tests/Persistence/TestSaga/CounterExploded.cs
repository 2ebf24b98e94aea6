namespace Bridge.Tests.Persistence.TestSaga;

public sealed record CounterExploded(Guid CorrelationId);
