namespace Bridge.Mappings.Expressions;

/// <summary>A path: where it starts (root, current item or a variable) and its steps.</summary>
internal sealed record PathNode(int Pos, int End, PathStart Start, string? Variable, IReadOnlyList<PathStepNode> Steps) : ExprNode(Pos, End);
