namespace Bridge.Mappings.Expressions;

internal sealed record BinaryNode(int Pos, int End, string Op, ExprNode Left, ExprNode Right) : ExprNode(Pos, End);
