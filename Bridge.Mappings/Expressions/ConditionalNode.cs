namespace Bridge.Mappings.Expressions;

internal sealed record ConditionalNode(int Pos, int End, ExprNode Condition, ExprNode Then, ExprNode Else) : ExprNode(Pos, End);
