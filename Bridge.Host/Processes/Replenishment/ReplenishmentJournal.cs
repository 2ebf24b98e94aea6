namespace Bridge.Host.Processes.Replenishment;

/// <summary>Writes a location's history (what happened, in which state, when), the last 50 steps.</summary>
public sealed class ReplenishmentJournal(TimeProvider time)
{
    private const int KeptSteps = 50;

    public void Record(ReplenishmentState state, string step, string detail)
    {
        var now = time.GetUtcNow();
        state.UpdatedAt = now;
        state.History.Add(new ReplenishmentStep(now, step, state.CurrentState, detail));
        if (state.History.Count > KeptSteps)
            state.History.RemoveRange(0, state.History.Count - KeptSteps);
    }
}
