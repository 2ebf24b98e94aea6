namespace Bridge.Host.Domain.Sourcing;

/// <summary>Stock that could cover a shortage but not in time (or only after a transfer that arrives late): where, how much, when.</summary>
public sealed record PossibleSource(string Warehouse, decimal Quantity, string Unit, DateTimeOffset ArrivesAt, string Reason);
