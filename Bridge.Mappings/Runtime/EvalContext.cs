namespace Bridge.Mappings.Runtime;

/// <summary>Where an expression is evaluated: the document root, the current item of an iteration and its parents.</summary>
internal sealed class EvalContext
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    public EvalContext(object? root, IReadOnlyDictionary<string, string>? metadata, TimeProvider time, int variableCount)
    {
        Root = root;
        Current = root;
        Metadata = metadata ?? NoMetadata;
        Time = time;
        Variables = variableCount == 0 ? [] : new object?[variableCount];
    }

    private EvalContext(EvalContext parent, object? current, int index)
    {
        Root = parent.Root;
        Current = current;
        Parent = parent;
        Index = index;
        Metadata = parent.Metadata;
        Time = parent.Time;
        Variables = parent.Variables;
    }

    public object? Root { get; }
    public object? Current { get; }
    public EvalContext? Parent { get; }
    public int Index { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }
    public TimeProvider Time { get; }
    public object?[] Variables { get; }

    public EvalContext Enter(object? item, int index) => new(this, item, index);
}
