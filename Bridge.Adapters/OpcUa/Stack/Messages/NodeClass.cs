namespace Bridge.Adapters.OpcUa.Stack.Messages;

/// <summary>The class of a node (Part 3, 8.29).</summary>
public enum NodeClass
{
    Unspecified = 0,
    Object = 1,
    Variable = 2,
    Method = 4,
    ObjectType = 8,
    VariableType = 16,
    ReferenceType = 32,
    DataType = 64,
    View = 128,
}
