using Bridge.Mappings.Expressions;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Templates;

internal sealed class ScalarPlan(CompiledExpr expression, Type target) : ValuePlan
{
    public string SourceText => expression.Text;

    public override object? Evaluate(EvalContext context, FieldPath parent, string? name, int index, ErrorList errors)
    {
        try
        {
            return TargetConverter.Convert(expression.Eval(context), target, expression.Text);
        }
        catch (MappingRuntimeException ex)
        {
            errors.Add(Path(parent, name, index), ex);
            return null;
        }
    }
}
