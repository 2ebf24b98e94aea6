namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>One entry of a request's history: what happened, in which state, when.</summary>
public sealed record MaterialRequestStep(DateTimeOffset At, string Step, string State, string Detail);
