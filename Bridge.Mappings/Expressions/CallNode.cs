namespace Bridge.Mappings.Expressions;

internal sealed record CallNode(int Pos, int End, string Name, IReadOnlyList<ExprNode> Args) : ExprNode(Pos, End);
