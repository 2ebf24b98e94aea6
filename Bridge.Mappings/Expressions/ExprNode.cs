namespace Bridge.Mappings.Expressions;

/// <summary>A parsed expression; <see cref="Pos"/> is the offset in the expression text.</summary>
internal abstract record ExprNode(int Pos, int End);
