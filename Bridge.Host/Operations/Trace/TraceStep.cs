namespace Bridge.Host.Operations.Trace;

/// <summary>One step of a process's journey: a message in or out (from the audit trail) or a saga transition.</summary>
public sealed record TraceStep(DateTimeOffset At, string Kind, string? System, string What, string Result, string? Detail, double? DurationMs);
