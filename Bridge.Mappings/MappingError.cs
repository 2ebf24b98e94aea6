namespace Bridge.Mappings;

/// <summary>A problem found while loading a mapping: where it is and what was expected.</summary>
public sealed record MappingError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
