using System.Xml.Linq;
using Bridge.Mappings.Tables;
using Bridge.Mappings.Units;

namespace Bridge.Mappings.Expressions;

/// <summary>What names an expression may use: namespaces, tables, status maps, units and variables.</summary>
internal sealed class CompileScope
{
    public required SourceFormat Format { get; init; }
    public IReadOnlyDictionary<string, XNamespace> Namespaces { get; init; } = new Dictionary<string, XNamespace>();
    public XNamespace? DefaultNamespace { get; init; }
    public IReadOnlyDictionary<string, LookupTable> Tables { get; init; } = new Dictionary<string, LookupTable>();
    public IReadOnlyDictionary<string, LookupTable> Statuses { get; init; } = new Dictionary<string, LookupTable>();
    public UnitTable Units { get; init; } = UnitTable.Empty;
    public Dictionary<string, int> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Outbound: the canonical type of the document root, so paths are checked against its members at load.</summary>
    public Type? RootType { get; init; }

    /// <summary>Outbound: the canonical type of the current item (the root, or the element of an each:).</summary>
    public Type? ItemType { get; init; }

    public CompileScope WithItemType(Type? itemType) => new()
    {
        Format = Format,
        Namespaces = Namespaces,
        DefaultNamespace = DefaultNamespace,
        Tables = Tables,
        Statuses = Statuses,
        Units = Units,
        Variables = Variables,
        RootType = RootType,
        ItemType = itemType,
    };
}
