namespace Bridge.Tests.Persistence.TestSaga;

public sealed record CompleteCounter(Guid CorrelationId);
