namespace Bridge.Host.Processes.Alerts;

public sealed class InMemoryStockAlertStore : IStockAlertStore
{
    private readonly Dictionary<string, StockAlertMark> _marks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<IReadOnlyList<StockAlertMark>> ListAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StockAlertMark>>(_marks.Values.ToList());
        }
    }

    public Task MarkRaisedAsync(string key, int occurrence, DateTimeOffset at, CancellationToken ct)
    {
        lock (_gate)
        {
            _marks[key] = new StockAlertMark(key, Math.Max(occurrence, _marks.GetValueOrDefault(key)?.Occurrences ?? 0), true);
        }

        return Task.CompletedTask;
    }

    public Task MarkClearedAsync(string key, DateTimeOffset at, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_marks.TryGetValue(key, out var mark))
            {
                _marks[key] = mark with { Active = false };
            }
        }

        return Task.CompletedTask;
    }
}
