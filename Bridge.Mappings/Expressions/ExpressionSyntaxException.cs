namespace Bridge.Mappings.Expressions;

internal sealed class ExpressionSyntaxException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}
