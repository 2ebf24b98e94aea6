namespace Bridge.Tests.Persistence.TestSaga;

public sealed record IncrementCounter(Guid CorrelationId, decimal Amount);
