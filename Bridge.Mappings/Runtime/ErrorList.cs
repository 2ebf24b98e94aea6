using Bridge.Mappings.Diagnostics;

namespace Bridge.Mappings.Runtime;

/// <summary>
/// The runtime errors of one payload; a field that fails does not stop the others from being checked. Beyond
/// <paramref name="kept"/> errors are only counted: describing them is most of what a failed item costs.
/// </summary>
internal sealed class ErrorList(string mapping, int kept = int.MaxValue)
{
    private List<RuntimeMappingError>? _errors;

    /// <summary>Every error added, kept or not.</summary>
    public int Count { get; private set; }

    public IReadOnlyList<RuntimeMappingError> Items => _errors ?? (IReadOnlyList<RuntimeMappingError>)[];

    /// <summary>Any failure while evaluating <paramref name="sourcePath"/> for the item of <paramref name="context"/>, reported as a mapping error.</summary>
    public void Add(FieldPath field, Exception ex, string? sourcePath, EvalContext? context = null)
    {
        if (Counted()) return;
        var error = UnexpectedMappingFailure.From(ex, sourcePath).ToError(mapping, field.ToString());
        (_errors ??= []).Add(error with { Value = ValueText.Show(error.Value), Message = ValueText.Message(error.Message), Item = context?.Location });
    }

    public void Add(FieldPath field, string? sourcePath, string? value, string message, EvalContext? context = null)
    {
        if (Counted()) return;
        (_errors ??= []).Add(new RuntimeMappingError(mapping, field.ToString(), sourcePath, ValueText.Show(value), ValueText.Message(message), context?.Location));
    }

    /// <summary>Counts the error; true when it is beyond those kept.</summary>
    private bool Counted() => ++Count > kept;
}
