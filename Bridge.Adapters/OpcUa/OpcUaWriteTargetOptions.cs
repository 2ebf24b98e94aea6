namespace Bridge.Adapters.OpcUa;

/// <summary>A node Bridge may write to (an acknowledgement flag, a job number), by key.</summary>
public sealed class OpcUaWriteTargetOptions
{
    public string Key { get; set; } = "";

    public string? NodeId { get; set; }

    public string? BrowsePath { get; set; }
}
