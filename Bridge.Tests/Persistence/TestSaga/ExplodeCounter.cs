namespace Bridge.Tests.Persistence.TestSaga;

public sealed record ExplodeCounter(Guid CorrelationId);
