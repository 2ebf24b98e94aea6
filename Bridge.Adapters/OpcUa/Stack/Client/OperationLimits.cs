namespace Bridge.Adapters.OpcUa.Stack.Client;

/// <summary>
/// The server's ServerCapabilities/OperationLimits (Part 5, 6.3.11), read after connecting. Zero in the server
/// means "no limit"; the client still splits at <see cref="Unbounded"/> so one request stays a sensible size.
/// </summary>
public sealed record OperationLimits(uint MaxNodesPerRead, uint MaxNodesPerWrite, uint MaxNodesPerMethodCall, uint MaxNodesPerBrowse, uint MaxNodesPerTranslateBrowsePathsToNodeIds, uint MaxMonitoredItemsPerCall)
{
    public const int Unbounded = 5000;

    public static readonly OperationLimits None = new(0, 0, 0, 0, 0, 0);

    public static int BatchSize(uint limit) => limit == 0 ? Unbounded : (int)Math.Min(limit, Unbounded);
}
