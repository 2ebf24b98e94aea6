namespace Bridge.Mappings.Expressions;

/// <summary>A function call being compiled: its compiled arguments and a way to report load-time problems.</summary>
internal sealed class CallSite
{
    public required string Name { get; init; }
    public required string Text { get; init; }
    public required CompiledExpr[] Args { get; init; }
    public required string[] ArgNames { get; init; }
    public required CompileScope Scope { get; init; }
    public required Action<int, string> ErrorAt { get; init; }

    /// <summary>The source text of an argument, used as the source path in runtime errors.</summary>
    public string ArgText(int index) => Args[index].Text;

    public void Error(string message) => ErrorAt(-1, message);
}
