using Bridge.Mappings.Diagnostics;

namespace Bridge.Mappings;

/// <summary>
/// The messages a payload mapped to, and the errors of the parts that could not be mapped.
/// Message ids are deterministic, so a payload dead-lettered for its errors can be replayed without duplicates.
/// </summary>
public sealed record InboundMapResult(IReadOnlyList<MappedMessage> Messages, IReadOnlyList<RuntimeMappingError> Errors)
{
    private readonly int? _errorCount;

    public bool Succeeded => ErrorCount == 0;

    /// <summary>How many errors the payload had: more than <see cref="Errors"/> holds when the options kept only the first ones.</summary>
    public int ErrorCount
    {
        get => _errorCount ?? Errors.Count;
        init => _errorCount = value;
    }

    /// <summary>Fallbacks and guesses made while mapping (see <see cref="MappingWarning"/>); they do not stop a message.</summary>
    public IReadOnlyList<MappingWarning> Warnings { get; init; } = [];
}
