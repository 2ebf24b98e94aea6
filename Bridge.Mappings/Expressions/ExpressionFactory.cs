using Bridge.Mappings.Diagnostics;
using Bridge.Mappings.Runtime;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Expressions;

/// <summary>Compiles expressions written in one mapping file, reporting problems at their line and column.</summary>
internal sealed class ExpressionFactory(string file, CompileScope scope, ConfigurationErrorSink errors)
{
    public string File => file;
    public CompileScope Scope => scope;
    public ConfigurationErrorSink Errors => errors;

    /// <summary>The same file and errors, with another current item type (inside an outbound each:).</summary>
    public ExpressionFactory WithItemType(Type? itemType) => new(file, scope.WithItemType(itemType), errors);

    public ExpressionFactory WithScope(CompileScope other) => new(file, other, errors);

    /// <summary>Compiles an each: block's let: in order; later ones see earlier ones. Returns the factory that sees them all.</summary>
    public ExpressionFactory WithItemVariables(YamlMappingNode? let, out List<ItemVariable> variables)
    {
        variables = [];
        if (let is null) return this;
        var names = let.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList();
        foreach (var name in names.Where(n => scope.Variables.ContainsKey(n)))
        {
            errors.Add(file, let, $"variable '${name}' is already defined in an enclosing scope");
        }
        var inner = WithScope(scope.WithLocals(names, out var slots));
        foreach (var (key, value) in let.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (value is not YamlScalarNode scalar)
            {
                errors.Add(file, value, $"variable '{name}' expects an expression");
                continue;
            }
            if (inner.Compile(scalar) is { } expr) variables.Add(new ItemVariable(name, slots[name], expr));
        }
        return inner;
    }

    public CompiledExpr? Compile(YamlScalarNode scalar) =>
        ExpressionCompiler.Compile(scalar.Value ?? "", scope, (offset, message) => errors.AddAt(file, scalar, offset, message));
}
