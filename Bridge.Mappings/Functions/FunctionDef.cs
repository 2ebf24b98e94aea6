using Bridge.Mappings.Runtime;

namespace Bridge.Mappings.Functions;

/// <summary>A built-in function: arity, argument kinds, result type and how to build its delegate.</summary>
internal sealed record FunctionDef(
    string Name,
    string Signature,
    int MinArgs,
    int MaxArgs,
    ExprType Returns,
    Func<CallSite, Func<EvalContext, object?>> Build,
    ArgKind[]? Kinds = null,
    ExprType[]? ArgTypes = null)
{
    public ArgKind KindOf(int index) => Kinds is null ? ArgKind.Value : Kinds[Math.Min(index, Kinds.Length - 1)];

    public ExprType TypeOf(int index) => ArgTypes is null ? ExprType.Any : ArgTypes[Math.Min(index, ArgTypes.Length - 1)];
}
