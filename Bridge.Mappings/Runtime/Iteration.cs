using Bridge.Mappings.Expressions;

namespace Bridge.Mappings.Runtime;

/// <summary>The contexts of an iteration over one or more nested levels; inner items keep outer ones as $parent.</summary>
internal static class Iteration
{
    public static List<EvalContext> Contexts(CompiledExpr[] levels, EvalContext context)
    {
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
