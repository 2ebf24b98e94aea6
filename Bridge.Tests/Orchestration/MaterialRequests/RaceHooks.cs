namespace Bridge.Tests.Orchestration.MaterialRequests;

/// <summary>The gates a race test can arm in <see cref="MaterialRequestHost"/>.</summary>
public sealed class RaceHooks
{
    public RaceGate BeforeWait { get; } = new();
    public RaceGate WaitersLookedUp { get; } = new();
    public RaceGate Reserved { get; } = new();

    /// <summary>Lets everything through, so a failed test can still stop its host.</summary>
    public void OpenAll()
    {
        BeforeWait.Open();
        WaitersLookedUp.Open();
        Reserved.Open();
    }
}
