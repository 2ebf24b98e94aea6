namespace Bridge.Mappings.Runtime;

/// <summary>Where an expression is evaluated: the document root, the current item of an iteration and its parents.</summary>
internal sealed class EvalContext
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();
    private readonly MessageFrame _frame;
    private string? _location;

    public EvalContext(object? root, IReadOnlyDictionary<string, string>? metadata, TimeProvider time, int variableCount, DocumentCache? cache = null)
    {
        _frame = new MessageFrame(root, metadata ?? NoMetadata, time, variableCount == 0 ? [] : new object?[variableCount], cache ?? new DocumentCache());
        Current = root;
    }

    private EvalContext(EvalContext parent, object? current, int index, string? location)
    {
        _frame = parent._frame;
        Current = current;
        Parent = parent;
        Index = index;
        _location = location;
    }

    public object? Root => _frame.Root;
    public object? Current { get; }
    public EvalContext? Parent { get; }
    public int Index { get; }
    public IReadOnlyDictionary<string, string> Metadata => _frame.Metadata;
    public TimeProvider Time => _frame.Time;
    public object?[] Variables => _frame.Variables;
    public DocumentCache Cache => _frame.Cache;

    /// <summary>Fallback warnings of the message being mapped (a <c>??</c> default used, a date read as midnight).</summary>
    public List<string>? Warnings { get => _frame.Warnings; set => _frame.Warnings = value; }

    public void Warn(string warning) => (_frame.Warnings ??= []).Add(warning);

    /// <summary>The source item this context stands for (<c>/ProductionSchedule/ProductionRequest[17]</c>, <c>$.lines[5]</c>, <c>row 7</c>), found only when an error needs it.</summary>
    public string? Location => _location ??= SourceLocation.Describe(this);

    public EvalContext Enter(object? item, int index) => new(this, item, index, null);

    /// <summary>A split item whose position is known from the reader (a streamed XML element has no parent to ask).</summary>
    public EvalContext Enter(object? item, int index, string location) => new(this, item, index, location);

    /// <summary>What every context of one message shares, kept apart so an iteration item costs few fields.</summary>
    private sealed record MessageFrame(object? Root, IReadOnlyDictionary<string, string> Metadata, TimeProvider Time, object?[] Variables, DocumentCache Cache)
    {
        public List<string>? Warnings { get; set; }
    }
}
