namespace Bridge.Mappings.Expressions;

internal sealed record UnaryNode(int Pos, int End, string Op, ExprNode Operand) : ExprNode(Pos, End);
