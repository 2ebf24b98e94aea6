namespace Bridge.Mappings.Runtime;

/// <summary>The contexts of an iteration over one or more nested levels; inner items keep outer ones as $parent.</summary>
internal static class Iteration
{
    private static readonly List<EvalContext> None = [];

    /// <summary>The item contexts; an empty result is a shared list that callers only read.</summary>
    public static List<EvalContext> Contexts(CompiledExpr[] levels, EvalContext context)
    {
        if (levels.Length == 1)
        {
            var items = levels[0].All(context);
            if (items.Count == 0) return None;
            var single = new List<EvalContext>(items.Count);
            for (var i = 0; i < items.Count; i++) single.Add(context.Enter(items[i], i));
            return single;
        }
        var result = new List<EvalContext>();
        Collect(levels, 0, context, result);
        return result;
    }

    private static void Collect(CompiledExpr[] levels, int level, EvalContext context, List<EvalContext> into)
    {
        var items = levels[level].All(context);
        for (var i = 0; i < items.Count; i++)
        {
            var item = context.Enter(items[i], level == levels.Length - 1 ? into.Count : i);
            if (level == levels.Length - 1) into.Add(item);
            else Collect(levels, level + 1, item, into);
        }
    }
}
