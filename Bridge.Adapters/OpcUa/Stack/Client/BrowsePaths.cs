using Bridge.Adapters.OpcUa.Stack.Codec;
using Bridge.Adapters.OpcUa.Stack.Messages;

namespace Bridge.Adapters.OpcUa.Stack.Client;

/// <summary>
/// Browse paths written as text: <c>/Objects/2:Line1/2:Counter</c> starts at the Root folder and follows
/// hierarchical references by browse name (namespace index prefix, 0 when omitted).
/// </summary>
public static class BrowsePaths
{
    public static BrowsePath Parse(string text)
    {
        var segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            throw new FormatException($"Browse path '{text}' has no elements");
        }
        return new BrowsePath
        {
            StartingNode = new NodeId(WellKnownNodeIds.RootFolder),
            RelativePath = new RelativePath
            {
                Elements = [.. segments.Select(segment => new RelativePathElement
                {
                    ReferenceTypeId = new NodeId(WellKnownNodeIds.HierarchicalReferences),
                    IsInverse = false,
                    IncludeSubtypes = true,
                    TargetName = QualifiedName.Parse(segment),
                })],
            },
        };
    }
}
