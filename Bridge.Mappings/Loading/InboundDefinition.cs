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
    InboundIdentity Identity = InboundIdentity.Document);
