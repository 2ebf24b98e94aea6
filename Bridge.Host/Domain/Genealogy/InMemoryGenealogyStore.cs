namespace Bridge.Host.Domain.Genealogy;

public sealed class InMemoryGenealogyStore : IGenealogyStore
{
    private readonly List<GenealogyRecord> _records = [];
    private readonly Lock _gate = new();

    public Task<bool> RecordAsync(GenealogyRecord record, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_records.Any(r => r.ReportId == record.ReportId))
            {
                return Task.FromResult(false);
            }

            _records.Add(record);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<GenealogyRecord>> FindByOrderAsync(string orderId, CancellationToken ct) =>
        Where(r => string.Equals(r.OrderId, orderId, StringComparison.Ordinal));

    public Task<IReadOnlyList<GenealogyRecord>> FindConsumingAsync(IReadOnlyCollection<string> lots, CancellationToken ct)
    {
        var wanted = lots.ToHashSet(StringComparer.Ordinal);
        return Where(r => r.Inputs.Any(i => i.Lot is not null && wanted.Contains(i.Lot)));
    }

    public Task<IReadOnlyList<GenealogyRecord>> FindProducingAsync(string lot, CancellationToken ct) =>
        Where(r => string.Equals(r.ProducedLot, lot, StringComparison.Ordinal));

    private Task<IReadOnlyList<GenealogyRecord>> Where(Func<GenealogyRecord, bool> predicate)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<GenealogyRecord>>(_records.Where(predicate).OrderBy(r => r.OccurredAt).ToList());
        }
    }
}
