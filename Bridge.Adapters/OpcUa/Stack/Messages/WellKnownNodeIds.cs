namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>Namespace-0 nodes the client uses (Part 6, NodeIds.csv).</summary>
public static class WellKnownNodeIds
{
    public const uint RootFolder = 84;
    public const uint ObjectsFolder = 85;
    public const uint HierarchicalReferences = 33;
    public const uint Organizes = 35;
    public const uint HasComponent = 47;
    public const uint HasProperty = 46;
    public const uint HasTypeDefinition = 40;
    public const uint Server = 2253;
    public const uint BaseEventType = 2041;
    public const uint ConditionType = 2782;
    public const uint ServerNamespaceArray = 2255;
    public const uint ServerStatusState = 2259;
    public const uint MaxNodesPerRead = 11705;
    public const uint MaxNodesPerWrite = 11707;
    public const uint MaxNodesPerMethodCall = 11709;
    public const uint MaxNodesPerBrowse = 11710;
    public const uint MaxNodesPerTranslateBrowsePathsToNodeIds = 11712;
    public const uint MaxMonitoredItemsPerCall = 11714;
}
