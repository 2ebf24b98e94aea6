namespace Bridge.Host.Processes.Replenishment;

public sealed record ReplenishmentStep(DateTimeOffset At, string Step, string State, string Detail);
