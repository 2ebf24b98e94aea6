using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Output;

/// <summary>Shared evaluation for the body writers: values and iterations, failures naming the output field.</summary>
internal static class OutEvaluator
{
    public static object? Value(OutValue node, EvalContext context, string field)
    {
        try
        {
            return node.Expr.Eval(context);
        }
        catch (MappingRuntimeException ex)
        {
            throw new MappingRuntimeException(ex.Message, ex.SourcePath ?? node.Expr.Text, ex.Value, field);
        }
    }

    public static IEnumerable<EvalContext> Items(OutEach node, EvalContext context, string field)
    {
        List<EvalContext> items;
        try
        {
            items = Iteration.Contexts(node.Each, context);
        }
        catch (MappingRuntimeException ex)
        {
            throw new MappingRuntimeException(ex.Message, ex.SourcePath ?? node.Each[0].Text, ex.Value, field);
        }
        foreach (var item in items)
        {
            foreach (var variable in node.Variables)
            {
                try
                {
                    item.Variables[variable.Slot] = variable.Expr.Eval(item);
                }
                catch (MappingRuntimeException ex)
                {
                    throw new MappingRuntimeException(ex.Message, ex.SourcePath ?? variable.Expr.Text, ex.Value, field);
                }
            }
            if (node.Where is not null && !Values.Truthy(Eval(node.Where, item, field))) continue;
            yield return item;
        }
    }

    private static object? Eval(CompiledExpr expr, EvalContext context, string field)
    {
        try
        {
            return expr.Eval(context);
        }
        catch (MappingRuntimeException ex)
        {
            throw new MappingRuntimeException(ex.Message, ex.SourcePath ?? expr.Text, ex.Value, field);
        }
    }
}
