using Bridge.Mappings.Expressions;
using YamlDotNet.RepresentationModel;

namespace Bridge.Mappings.Loading;

/// <summary>Compiles expressions written in one mapping file, reporting problems at their line and column.</summary>
internal sealed class ExpressionFactory(string file, CompileScope scope, ErrorSink errors)
{
    public string File => file;
    public CompileScope Scope => scope;
    public ErrorSink Errors => errors;

    /// <summary>The same file and errors, with another current item type (inside an outbound each:).</summary>
    public ExpressionFactory WithItemType(Type? itemType) => new(file, scope.WithItemType(itemType), errors);

    public CompiledExpr? Compile(YamlScalarNode scalar) =>
        ExpressionCompiler.Compile(scalar.Value ?? "", scope, (offset, message) => errors.AddAt(file, scalar, offset, message));
}
