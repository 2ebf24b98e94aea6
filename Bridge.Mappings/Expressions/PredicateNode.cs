namespace Bridge.Mappings.Expressions;

/// <summary>A bracket after a step: an index (0-based, negative from the end) or a filter expression.</summary>
internal sealed record PredicateNode(int Pos, int? Index, ExprNode? Filter);
