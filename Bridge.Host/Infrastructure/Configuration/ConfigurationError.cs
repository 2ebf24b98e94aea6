using System.Text.RegularExpressions;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>A problem in a configuration file, with where it is and what was expected. Every Host loader reports these.</summary>
public sealed partial record ConfigurationError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";

    /// <summary>Reads a problem another library reported as text, <c>file:line:col: message</c> (else the whole text, at line 1).</summary>
    public static ConfigurationError FromText(string text, string fallbackFile) =>
        Located().Match(text) is { Success: true } m
            ? new ConfigurationError(m.Groups[1].Value, int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value), m.Groups[4].Value)
            : new ConfigurationError(fallbackFile, 1, 1, text);

    [GeneratedRegex(@"^(.+?):(\d+):(\d+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex Located();
}
