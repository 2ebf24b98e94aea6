namespace Bridge.Adapters.OpcUa;

/// <summary>A monitored node and the inbound message type its values feed.</summary>
public sealed class OpcUaNodeOptions
{
    /// <summary>The node's name within the device; unique; carried as metadata <c>key</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The node by id (<c>ns=2;s=Line1.Counter</c>); or use <see cref="BrowsePath"/>.</summary>
    public string? NodeId { get; set; }

    /// <summary>The node by browse path from the Root folder (<c>/Objects/2:Line1/2:Counter</c>).</summary>
    public string? BrowsePath { get; set; }

    /// <summary>The envelope's message type, i.e. which inbound mapping of the system receives the value.</summary>
    public string MessageType { get; set; } = "";

    /// <summary><c>value</c> passes each value on; <c>counter</c> passes the delta since the previous value. Default value.</summary>
    public string Kind { get; set; } = OpcUaNodeKinds.Value;

    /// <summary>For counters: the largest value before the counter wraps to 0 (e.g. 65535, 4294967295). Without it every decrease is a reset.</summary>
    public decimal? CounterMax { get; set; }

    /// <summary>Sampling interval in ms; −1 uses the publishing interval. Default −1.</summary>
    public double SamplingIntervalMs { get; set; } = -1;

    /// <summary><c>none</c>, <c>absolute</c> or <c>percent</c> (of the node's EURange). Default none.</summary>
    public string Deadband { get; set; } = "none";

    public double DeadbandValue { get; set; }

    /// <summary>Extra metadata for the mapping, e.g. <c>location</c>, <c>material</c>, <c>unit</c>.</summary>
    public Dictionary<string, string> Metadata { get; set; } = [];
}
