using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Templates;

/// <summary>How one canonical member is produced; returns null on error (after recording it).</summary>
internal abstract class ValuePlan
{
    /// <summary>Evaluates member <paramref name="name"/> of <paramref name="parent"/> (or item <paramref name="index"/> when it is not negative).</summary>
    public abstract object? Evaluate(EvalContext context, FieldPath parent, string? name, int index, ErrorList errors);

    protected static FieldPath Path(FieldPath parent, string? name, int index) => index >= 0 ? parent.Item(index) : name is null ? parent : parent.Member(name);
}
