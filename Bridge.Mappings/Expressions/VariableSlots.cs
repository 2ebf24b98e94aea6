namespace Bridge.Mappings.Expressions;

/// <summary>Hands out the slots of a mapping's variables (message-level and per-item <c>let:</c>), one array per message.</summary>
internal sealed class VariableSlots
{
    public int Count { get; private set; }

    public int Next() => Count++;
}
