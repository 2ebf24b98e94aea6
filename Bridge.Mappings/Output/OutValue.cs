using Bridge.Mappings.Expressions;

namespace Bridge.Mappings.Output;

internal sealed record OutValue(string Name, CompiledExpr Expr) : OutNode(Name);
