using System.Xml.Linq;
using Bridge.Mappings.Documents;
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

    /// <summary>What the expressions read outside their item; shared by every scope of one mapping.</summary>
    public DocumentAccess Access { get; init; } = new();

    /// <summary>True for expressions evaluated with the whole document as the current item (split:, document:).</summary>
    public bool DocumentLevel { get; init; }

    /// <summary>Slot numbers shared by every scope of one mapping.</summary>
    public VariableSlots Slots { get; init; } = new();

    /// <summary>Outbound: the canonical type of the document root, so paths are checked against its members at load.</summary>
    public Type? RootType { get; init; }

    /// <summary>Outbound: the canonical type of the current item (the root, or the element of an each:).</summary>
    public Type? ItemType { get; init; }

    public CompileScope WithItemType(Type? itemType) => Copy(itemType, Variables);

    /// <summary>The same names, for expressions whose current item is the whole document (split:, document:).</summary>
    public CompileScope AtDocumentLevel() => Copy(ItemType, Variables, documentLevel: true);

    /// <summary>A scope that also sees <paramref name="names"/> (an each: block's let:), each with a new slot.</summary>
    public CompileScope WithLocals(IEnumerable<string> names, out Dictionary<string, int> added)
    {
        var variables = new Dictionary<string, int>(Variables, StringComparer.Ordinal);
        added = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var slot = Slots.Next();
            variables[name] = slot;
            added[name] = slot;
        }
        return Copy(ItemType, variables);
    }

    private CompileScope Copy(Type? itemType, Dictionary<string, int> variables, bool? documentLevel = null) => new()
    {
        Format = Format,
        Namespaces = Namespaces,
        DefaultNamespace = DefaultNamespace,
        Tables = Tables,
        Statuses = Statuses,
        Units = Units,
        Variables = variables,
        Slots = Slots,
        RootType = RootType,
        ItemType = itemType,
        Access = Access,
        DocumentLevel = documentLevel ?? DocumentLevel,
    };
}
