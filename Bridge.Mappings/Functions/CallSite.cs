using Bridge.Mappings.Runtime;
using Bridge.Mappings.Tables;
using Bridge.Mappings.Units;

namespace Bridge.Mappings.Functions;

/// <summary>A function call being compiled: its compiled arguments and a way to report load-time problems.</summary>
internal sealed class CallSite
{
    public required string Name { get; init; }
    public required string Text { get; init; }
    public required CompiledExpr[] Args { get; init; }
    public required string[] ArgNames { get; init; }
    /// <summary>The lookup tables of the mapping (<c>tables:</c>).</summary>
    public IReadOnlyDictionary<string, LookupTable> Tables { get; init; } = new Dictionary<string, LookupTable>();

    /// <summary>The status-word maps of the mapping (<c>statuses:</c>).</summary>
    public IReadOnlyDictionary<string, LookupTable> Statuses { get; init; } = new Dictionary<string, LookupTable>();

    public UnitTable Units { get; init; } = UnitTable.Empty;
    public required Action<int, string> ErrorAt { get; init; }

    /// <summary>The source text of an argument, used as the source path in runtime errors.</summary>
    public string ArgText(int index) => Args[index].Text;

    public void Error(string message) => ErrorAt(-1, message);
}
