namespace Bridge.Host.Processes.Transfers;

/// <summary>One entry of a transfer's history: when, what happened, in which state.</summary>
public sealed record TransferStep(DateTimeOffset At, string Step, string State, string Detail);
