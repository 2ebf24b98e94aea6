namespace Bridge.Mappings.Runtime;

/// <summary>A <c>let:</c> of an <c>each:</c> block, evaluated per item before <c>where:</c> and the fields.</summary>
internal sealed record ItemVariable(string Name, int Slot, CompiledExpr Expr);
