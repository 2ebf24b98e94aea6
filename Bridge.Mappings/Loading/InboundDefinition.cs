using Bridge.Mappings.Batches;
using Bridge.Mappings.Documents;
using Bridge.Mappings.Runtime;
using Bridge.Mappings.Templates;

namespace Bridge.Mappings.Loading;

/// <summary>Everything an inbound mapping file compiled to.</summary>
internal sealed record InboundDefinition(
    string Name,
    string File,
    string System,
    string MessageType,
    Type Produces,
    PayloadReader Reader,
    ObjectPlan Plan,
    CompiledExpr? Split,
    bool AllowEmpty,
    CompiledExpr? Id,
    CompiledExpr? Version,
    IReadOnlyList<(string Name, CompiledExpr Expr)> Variables,
    int VariableCount,
    InboundIdentity Identity = InboundIdentity.Document)
{
    /// <summary><c>document:</c> values, evaluated once per document before the split; each has a variable slot.</summary>
    public IReadOnlyList<(string Name, int Slot, CompiledExpr Expr)> DocumentValues { get; init; } = [];

    /// <summary>Set when an XML split is read item by item; null when the mapping needs the whole document.</summary>
    public XmlSplitStream? Stream { get; init; }

    /// <summary>Why an XML split mapping reads the whole document (null when it streams or is not an XML split).</summary>
    public string? DomReason { get; init; }
}
