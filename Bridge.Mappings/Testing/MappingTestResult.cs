namespace Bridge.Mappings.Testing;

/// <summary>The outcome of one case of a mapping test file; <see cref="Failures"/> say what differed and where.</summary>
public sealed record MappingTestResult(string File, string Case, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>Fallbacks and guesses the mapping made (a <c>fallback()</c> default used, a date read as midnight); shown, not failures.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
