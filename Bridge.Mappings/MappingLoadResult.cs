using Bridge.Mappings.Diagnostics;

namespace Bridge.Mappings;

/// <summary>The compiled set, or null with every problem found when anything was wrong.</summary>
public sealed record MappingLoadResult(MappingSet? Set, IReadOnlyList<ConfigurationError> Errors)
{
    public bool Succeeded => Set is not null && Errors.Count == 0;

    /// <summary>The set, or a <see cref="MappingConfigurationException"/> listing every error.</summary>
    public MappingSet EnsureSuccess() => Succeeded ? Set! : throw new MappingConfigurationException(Errors);
}
