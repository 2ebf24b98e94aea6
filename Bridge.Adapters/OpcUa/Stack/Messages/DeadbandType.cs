namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The deadband of a DataChangeFilter (Part 4, 7.22.2); percent needs the node's EURange on the server.</summary>
public enum DeadbandType : uint
{
    None = 0,
    Absolute = 1,
    Percent = 2,
}
