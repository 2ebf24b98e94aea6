using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Templates;

/// <summary>Builds one record: evaluates each mapped member into its slot, checks required ones, calls the compiled factory.</summary>
internal sealed class ObjectPlan(RecordShape shape, IReadOnlyList<MemberPlan> members) : ValuePlan
{
    public RecordShape Shape => shape;
    public IReadOnlyList<MemberPlan> Members => members;

    public override object? Evaluate(EvalContext context, FieldPath parent, string? name, int index, ErrorList errors)
    {
        var slots = EvaluateSlots(context, Path(parent, name, index), errors);
        return slots is null ? null : shape.Factory(slots);
    }

    /// <summary>The slot values, or null when a member failed (errors recorded).</summary>
    public object?[]? EvaluateSlots(EvalContext context, FieldPath field, ErrorList errors)
    {
        var slots = new object?[shape.Members.Count];
        var before = errors.Count;
        foreach (var member in members)
        {
            var errorsBefore = errors.Count;
            var value = member.Plan.Evaluate(context, field, member.Name, -1, errors);
            if (value is null && member.Required && errors.Count == errorsBefore)
            {
                errors.Add(field.Member(member.Name), member.SourceText, null, "required canonical field is missing or empty in the source");
            }
            slots[member.Slot] = value;
        }
        return errors.Count == before ? slots : null;
    }
}
