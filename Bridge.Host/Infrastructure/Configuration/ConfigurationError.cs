namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>A problem in a configuration file, with where it is and what was expected.</summary>
public sealed record ConfigurationError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
