namespace Bridge.Host.Operations.StatusPage;

public static class SagaStates
{
    /// <summary>
    /// False for an instance still in its first transition: the in-memory repository shows a new instance before its
    /// first activity has run (no state yet), which no figure should count.
    /// </summary>
    public static bool Settled(string currentState) => currentState is not ("" or "Initial");
}
