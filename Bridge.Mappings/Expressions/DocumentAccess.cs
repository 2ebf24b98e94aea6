using Bridge.Mappings.Paths;

namespace Bridge.Mappings.Expressions;

/// <summary>
/// What a mapping's expressions read outside the current item: every path from the document root, and whether any
/// climbs with '..' or $parent. Decides at load whether an XML split can be streamed (see Batches.XmlSplitStream).
/// </summary>
internal sealed class DocumentAccess
{
    public List<CompiledStep[]> DocumentPaths { get; } = [];
    public bool ClimbsUp { get; set; }

    /// <summary>The steps of each expression that is a bare path from the document (what a split: may stream).</summary>
    public Dictionary<Runtime.CompiledExpr, CompiledStep[]> BarePaths { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Cache slots of absolute paths, one per path, shared by every scope of a mapping.</summary>
    public VariableSlots CacheSlots { get; } = new();
}
