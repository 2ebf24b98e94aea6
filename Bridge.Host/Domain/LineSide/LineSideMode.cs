namespace Bridge.Host.Domain.LineSide;

/// <summary>How a line-side location decides what to request.</summary>
public enum LineSideMode
{
    /// <summary>At or below the reorder point: request up to max, rounded up to the pack size.</summary>
    MinMax,

    /// <summary>Two bins of <see cref="LineSideLocation.BinQuantity"/>: an empty bin requests one bin.</summary>
    TwoBin,

    /// <summary>N cards of <see cref="LineSideLocation.BinQuantity"/>: each returned card requests one card's quantity.</summary>
    Kanban,
}
