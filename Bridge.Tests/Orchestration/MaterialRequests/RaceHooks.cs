namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>The gates a race test can arm in <see cref="MaterialRequestHost"/>.</summary>
public sealed class RaceHooks
{
    public RaceGate BeforeWait { get; } = new();
    public RaceGate WaitersLookedUp { get; } = new();
    public RaceGate Reserved { get; } = new();
}
