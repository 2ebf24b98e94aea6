namespace Bridge.Host.Domain.Genealogy;

/// <summary>
/// One production report as genealogy: what order made how much of which product into which lot, at which plant, and
/// which lots went in. Keyed by the report's message id, so a report recorded twice is one record.
/// </summary>
public sealed record GenealogyRecord(
    Guid ReportId,
    string OrderId,
    string? Plant,
    string Product,
    string? ProducedLot,
    decimal ProducedQuantity,
    string Unit,
    DateTimeOffset OccurredAt,
    IReadOnlyList<GenealogyInput> Inputs);
