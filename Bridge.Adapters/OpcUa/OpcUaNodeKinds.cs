namespace Bridge.Adapters.OpcUa;

/// <summary>How a node's values become envelopes.</summary>
public static class OpcUaNodeKinds
{
    /// <summary>Every value as it is.</summary>
    public const string Value = "value";

    /// <summary>The increase since the previous value, with resets and wraps recognised.</summary>
    public const string Counter = "counter";
}
