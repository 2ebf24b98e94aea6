namespace Bridge.Mappings.Runtime;

/// <summary>Where an expression is evaluated: the document root, the current item of an iteration and its parents.</summary>
internal sealed class EvalContext
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();
    private readonly MessageFrame _frame;

    public EvalContext(object? root, IReadOnlyDictionary<string, string>? metadata, TimeProvider time, int variableCount)
    {
        _frame = new MessageFrame(root, metadata ?? NoMetadata, time, variableCount == 0 ? [] : new object?[variableCount]);
        Current = root;
    }

    private EvalContext(EvalContext parent, object? current, int index)
    {
        _frame = parent._frame;
        Current = current;
        Parent = parent;
        Index = index;
    }

    public object? Root => _frame.Root;
    public object? Current { get; }
    public EvalContext? Parent { get; }
    public int Index { get; }
    public IReadOnlyDictionary<string, string> Metadata => _frame.Metadata;
    public TimeProvider Time => _frame.Time;
    public object?[] Variables => _frame.Variables;

    public EvalContext Enter(object? item, int index) => new(this, item, index);

    /// <summary>What every context of one message shares, kept apart so an iteration item costs four fields.</summary>
    private sealed record MessageFrame(object? Root, IReadOnlyDictionary<string, string> Metadata, TimeProvider Time, object?[] Variables);
}
