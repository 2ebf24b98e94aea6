using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Templates;

/// <summary>One canonical list item per match of the <c>each:</c> levels (that passes <c>where:</c>).</summary>
internal sealed class ListPlan(CompiledExpr[] levels, IReadOnlyList<ItemVariable> variables, CompiledExpr? where, ValuePlan item, IListFactory factory) : ValuePlan
{
    private readonly ItemVariable[] _variables = [.. variables];

    public override object? Evaluate(EvalContext context, FieldPath parent, string? name, int index, ErrorList errors)
    {
        var field = Path(parent, name, index);
        List<EvalContext> sources;
        try
        {
            sources = Iteration.Contexts(levels, context);
        }
        catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
        {
            errors.Add(field, ex, levels[^1].Text, context);
            return null;
        }
        if (sources.Count == 0) return factory.Empty;
        var items = new List<object?>(sources.Count);
        var before = errors.Count;
        // Items are numbered as they would be output, counting the ones that failed, so each failure names its own index.
        var position = 0;
        foreach (var itemContext in sources)
        {
            try
            {
                for (var v = 0; v < _variables.Length; v++) itemContext.Variables[_variables[v].Slot] = _variables[v].Expr.Eval(itemContext);
                if (where is not null && !Values.Truthy(where.Eval(itemContext))) continue;
            }
            catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
            {
                errors.Add(field.Item(position++), ex, where?.Text, itemContext);
                continue;
            }
            var value = item.Evaluate(itemContext, field, null, position++, errors);
            if (value is not null) items.Add(value);
        }
        return errors.Count == before ? factory.Create(items) : null;
    }
}
