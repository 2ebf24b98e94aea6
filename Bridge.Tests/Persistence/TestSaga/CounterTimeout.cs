namespace Bridge.Tests.Persistence.TestSaga;

public sealed record CounterTimeout(Guid CorrelationId);
