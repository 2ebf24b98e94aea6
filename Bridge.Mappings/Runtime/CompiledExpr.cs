namespace Bridge.Mappings.Runtime;

/// <summary>An expression compiled to delegates: its value, every match (for iteration), and its static type.</summary>
internal sealed class CompiledExpr
{
    public required Func<EvalContext, object?> Eval { get; init; }
    public required Func<EvalContext, List<object?>> All { get; init; }
    public required ExprType Type { get; init; }
    public required string Text { get; init; }
    public bool IsConstant { get; init; }
    public object? Constant { get; init; }

    /// <summary>The name when the expression is a bare identifier (a table name, a unit code written without quotes).</summary>
    public string? BareName { get; init; }

    /// <summary>Outbound paths: the canonical type the path leads to (the element type for lists), when known.</summary>
    public Type? CanonicalType { get; init; }

    public static List<object?> Single(object? value)
    {
        var list = new List<object?>(1);
        if (value is List<object?> many) return many;
        if (value is not null) list.Add(value);
        return list;
    }
}
