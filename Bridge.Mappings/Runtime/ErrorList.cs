using Bridge.Mappings.Diagnostics;

namespace Bridge.Mappings.Runtime;

/// <summary>The runtime errors of one payload; a field that fails does not stop the others from being checked.</summary>
internal sealed class ErrorList(string mapping)
{
    private List<RuntimeMappingError>? _errors;

    public int Count => _errors?.Count ?? 0;

    public IReadOnlyList<RuntimeMappingError> Items => _errors ?? (IReadOnlyList<RuntimeMappingError>)[];

    public void Add(FieldPath field, MappingRuntimeException ex) => (_errors ??= []).Add(ex.ToError(mapping, field.ToString()));

    /// <summary>Any failure while evaluating <paramref name="sourcePath"/>, reported as a mapping error.</summary>
    public void Add(FieldPath field, Exception ex, string? sourcePath) => Add(field, UnexpectedMappingFailure.From(ex, sourcePath));

    public void Add(FieldPath field, string? sourcePath, string? value, string message) =>
        (_errors ??= []).Add(new RuntimeMappingError(mapping, field.ToString(), sourcePath, value, message));
}
