using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Templates;

internal sealed class ScalarPlan(CompiledExpr expression, Type target) : ValuePlan
{
    private readonly Func<object?, string, object?> _convert = TargetConverter.For(target);

    public string SourceText => expression.Text;

    public override object? Evaluate(EvalContext context, FieldPath parent, string? name, int index, ErrorList errors)
    {
        try
        {
            return _convert(expression.Eval(context), expression.Text);
        }
        catch (Exception ex) when (UnexpectedMappingFailure.IsReportable(ex))
        {
            errors.Add(Path(parent, name, index), ex, expression.Text, context);
            return null;
        }
    }
}
