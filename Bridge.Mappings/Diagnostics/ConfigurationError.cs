namespace Bridge.Mappings.Diagnostics;

/// <summary>A problem in a configuration file (a mapping, a table, units.yaml…): where it is and what was expected.</summary>
public sealed record ConfigurationError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
