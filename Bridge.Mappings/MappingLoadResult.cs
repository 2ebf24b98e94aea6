namespace Bridge.Mappings;

/// <summary>The compiled set, or null with every problem found when anything was wrong.</summary>
public sealed record MappingLoadResult(MappingSet? Set, IReadOnlyList<MappingError> Errors)
{
    public bool Succeeded => Set is not null && Errors.Count == 0;
}
