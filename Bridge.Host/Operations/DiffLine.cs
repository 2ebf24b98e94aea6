namespace Bridge.Host.Operations;

/// <param name="Mark"><c>' '</c> in both, <c>'-'</c> only before, <c>'+'</c> only after.</param>
public sealed record DiffLine(char Mark, string Text)
{
    public override string ToString() => $"{Mark} {Text}";
}
