namespace Bridge.Tests.Persistence.TestSaga;

public sealed record RemoveCounter(Guid CorrelationId);
