using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Output;

internal sealed record OutValue(string Name, CompiledExpr Expr) : OutNode(Name);
