using System.Buffers;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Templates;

/// <summary>Builds one record: evaluates each mapped member into its slot, checks required ones, calls the compiled factory.</summary>
internal sealed class ObjectPlan(RecordShape shape, IReadOnlyList<MemberPlan> members) : ValuePlan
{
    public RecordShape Shape => shape;
    public IReadOnlyList<MemberPlan> Members => members;

    public override object? Evaluate(EvalContext context, FieldPath parent, string? name, int index, ErrorList errors)
    {
        // The factory copies the slots into the record, so a pooled array serves (thread-safe, no garbage per item).
        var slots = ArrayPool<object?>.Shared.Rent(shape.Members.Count);
        try
        {
            return EvaluateInto(slots, context, Path(parent, name, index), errors) ? shape.Factory(slots) : null;
        }
        finally
        {
            ArrayPool<object?>.Shared.Return(slots, clearArray: true);
        }
    }

    /// <summary>The slot values, or null when a member failed (errors recorded).</summary>
    public object?[]? EvaluateSlots(EvalContext context, FieldPath field, ErrorList errors)
    {
        var slots = new object?[shape.Members.Count];
        return EvaluateInto(slots, context, field, errors) ? slots : null;
    }

    /// <summary>Fills <paramref name="slots"/> (cleared, at least as long as the shape); false when a member failed.</summary>
    private bool EvaluateInto(object?[] slots, EvalContext context, FieldPath field, ErrorList errors)
    {
        var before = errors.Count;
        for (var m = 0; m < members.Count; m++)
        {
            var member = members[m];
            var errorsBefore = errors.Count;
            var value = member.Plan.Evaluate(context, field, member.Name, -1, errors);
            if (value is null && member.Required && errors.Count == errorsBefore)
            {
                errors.Add(field.Member(member.Name), member.SourceText, null, "required canonical field is missing or empty in the source", context);
            }
            slots[member.Slot] = value;
        }
        return errors.Count == before;
    }
}
