using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Templates;

/// <summary>How one canonical member is produced; returns null on error (after recording it).</summary>
internal abstract class ValuePlan
{
    public abstract object? Evaluate(EvalContext context, FieldPath field, ErrorList errors);
}
