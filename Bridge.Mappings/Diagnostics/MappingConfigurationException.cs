namespace Bridge.Mappings.Diagnostics;

/// <summary>The mappings are invalid; the message lists every error as <c>file:line:column: message</c>, so the host can refuse to start with it.</summary>
public sealed class MappingConfigurationException(IReadOnlyList<ConfigurationError> errors)
    : Exception($"{errors.Count} mapping error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<ConfigurationError> Errors { get; } = errors;
}
