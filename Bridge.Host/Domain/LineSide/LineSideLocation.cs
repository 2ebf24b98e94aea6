namespace Bridge.Host.Domain.LineSide;

/// <summary>One line-side location from <c>line-side.yaml</c>: what it holds, when and how much to refill, from where.</summary>
public sealed record LineSideLocation
{
    public required string Id { get; init; }
    public required string Line { get; init; }
    public required string Material { get; init; }
    public required string Unit { get; init; }
    public required decimal ReorderPoint { get; init; }
    public required decimal Max { get; init; }
    public required decimal PackSize { get; init; }
    /// <summary>Warehouses to source from, first preferred.</summary>
    public required IReadOnlyList<string> Warehouses { get; init; }
    /// <summary>How long the WMS has to fulfil a request before it is re-requested (once) and then reported overdue.</summary>
    public required TimeSpan LeadTime { get; init; }
    public LineSideMode Mode { get; init; } = LineSideMode.MinMax;
    /// <summary>Two-bin: one bin's quantity; kanban: one card's quantity.</summary>
    public decimal? BinQuantity { get; init; }
    /// <summary>Kanban: how many cards circulate.</summary>
    public int? Cards { get; init; }
    /// <summary>Weight of one unit in kg, to turn a weight reading into a quantity.</summary>
    public decimal? UnitWeightKg { get; init; }
    public IReadOnlyList<LineSideSignalSource> Signals { get; init; } = [];

    /// <summary>
    /// Readings must rise this far above the reorder point before a later fall is news again: a level hovering around
    /// the reorder point is one low level, not many. One pack.
    /// </summary>
    public decimal Hysteresis => PackSize;
}
