using Bridge.Contracts.Model;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>One pick order the request issued to a warehouse, and what its confirmation reported.</summary>
public sealed class PickOrderTrack
{
    public string PickOrderId { get; set; } = "";
    public string Warehouse { get; set; } = "";
    /// <summary>The stock reservation its lines are held under (empty: the request id, as before order changes).</summary>
    public string ReservationId { get; set; } = "";
    public List<MaterialLine> Lines { get; set; } = [];
    public bool Confirmed { get; set; }
    public List<MaterialLine> ConfirmedLines { get; set; } = [];
    /// <summary>Cancelled at the WMS by an order change before it was confirmed; it no longer counts.</summary>
    public bool Cancelled { get; set; }
}
