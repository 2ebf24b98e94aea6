namespace Bridge.Tests.Persistence.TestSaga;

public sealed record CounterTimedOut(Guid CorrelationId);
