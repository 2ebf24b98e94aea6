namespace Bridge.Tests.Persistence.TestSaga;

public sealed record CounterLine(string Material, decimal Quantity, string Unit);
