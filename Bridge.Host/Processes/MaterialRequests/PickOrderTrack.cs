using Bridge.Contracts.Model;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>One pick order the request issued to a warehouse, and what its confirmation reported.</summary>
public sealed class PickOrderTrack
{
    public string PickOrderId { get; set; } = "";
    public string Warehouse { get; set; } = "";
    public List<MaterialLine> Lines { get; set; } = [];
    public bool Confirmed { get; set; }
    public List<MaterialLine> ConfirmedLines { get; set; } = [];
}
