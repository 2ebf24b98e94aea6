namespace Bridge.Host.Processes;

/// <summary>The <c>Source</c> of every canonical message Bridge's own processes make (kit status, pick orders, replenishment requests).</summary>
public static class ProcessSource
{
    public const string Bridge = "bridge";
}
