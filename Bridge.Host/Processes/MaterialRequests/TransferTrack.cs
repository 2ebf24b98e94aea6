using Bridge.Contracts.Model;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>One transfer order the request issued to bring reserved stock from another site to its plant, and how it ended.</summary>
public sealed class TransferTrack
{
    public const string Issued = "issued";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    /// <summary>Cancelled at the TMS before delivery: the order was cancelled, or changed and the request sourced again.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>Delivered, then released as free stock at the destination when the request was sourced again after an order change.</summary>
    public const string Released = "released";

    public string TransferOrderId { get; set; } = "";
    public string FromWarehouse { get; set; } = "";
    public string ToWarehouse { get; set; } = "";

    /// <summary>The reserved lines at the source, in the unit the source warehouse keeps them in.</summary>
    public List<MaterialLine> Lines { get; set; } = [];

    /// <summary>What the transfer covers of the requirements, in their units: what must be sourced again if it fails.</summary>
    public List<MaterialLine> Covers { get; set; } = [];

    public string Status { get; set; } = Issued;

    /// <summary>The lines as they lie at the destination after delivery: what the destination's pick order takes.</summary>
    public List<MaterialLine> Arrived { get; set; } = [];

    public string? FailureReason { get; set; }
}
