namespace Bridge.Mappings.Expressions;

internal sealed record LiteralNode(int Pos, int End, object? Value) : ExprNode(Pos, End);
