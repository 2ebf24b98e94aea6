using Bridge.Mappings.Diagnostics;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>Thrown at start when configuration is invalid; lists every problem at once, each with file, line and column.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<ConfigurationError> errors)
    : Exception("Bridge configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<ConfigurationError> Errors { get; } = errors;

    /// <summary>Each error as <c>file:line:col: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = errors.Select(e => e.ToString()).ToList();
}
