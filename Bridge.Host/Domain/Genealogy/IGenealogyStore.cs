namespace Bridge.Host.Domain.Genealogy;

/// <summary>Lots consumed and produced per production report, searchable by order, by consumed lot and by produced lot.</summary>
public interface IGenealogyStore
{
    /// <summary>Records the report; false when a report with its id is already recorded (nothing changes then).</summary>
    Task<bool> RecordAsync(GenealogyRecord record, CancellationToken ct);

    Task<IReadOnlyList<GenealogyRecord>> FindByOrderAsync(string orderId, CancellationToken ct);

    /// <summary>The reports that consumed any of these lots.</summary>
    Task<IReadOnlyList<GenealogyRecord>> FindConsumingAsync(IReadOnlyCollection<string> lots, CancellationToken ct);

    /// <summary>The reports that produced this lot.</summary>
    Task<IReadOnlyList<GenealogyRecord>> FindProducingAsync(string lot, CancellationToken ct);
}
