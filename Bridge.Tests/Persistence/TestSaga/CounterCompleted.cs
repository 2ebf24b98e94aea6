namespace Bridge.Tests.Persistence.TestSaga;

public sealed record CounterCompleted(Guid CorrelationId, int Count);
