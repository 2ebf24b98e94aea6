using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Paths;

/// <summary>An index (0-based, negative from the end) or a filter evaluated with each candidate as the current item.</summary>
internal sealed class CompiledPredicate
{
    public int? Index { get; init; }
    public Func<EvalContext, object?>? Filter { get; init; }

    public void Apply(List<object?> candidates, EvalContext context)
    {
        if (Index is int index)
        {
            var at = index < 0 ? candidates.Count + index : index;
            var chosen = at >= 0 && at < candidates.Count ? candidates[at] : null;
            candidates.Clear();
            if (chosen is not null) candidates.Add(chosen);
            return;
        }
        var write = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (Values.Truthy(Filter!(context.Enter(candidates[i], i)))) candidates[write++] = candidates[i];
        }
        candidates.RemoveRange(write, candidates.Count - write);
    }
}
