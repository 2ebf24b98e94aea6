using System.Collections.Concurrent;
using Bridge.Host.Domain.Sourcing;
using Bridge.Host.Domain.Stock;

namespace Bridge.Host.Processes.KitChecks;

/// <summary>
/// The kit checks' stock index, kept between checks: a check reads from the stock view only the materials the index
/// does not hold yet and builds each once. All of it is dropped when this host changes stock (<see cref="StockVersion"/>)
/// and when it is older than <see cref="MaxAge"/>, which bounds how long a change goes unseen that the version cannot
/// count: one made by another host on the same database, or one that commits with a consumed message's transaction
/// after the stock view returned. A kit check is an answer, not a hold: reserving reads the database again.
/// </summary>
public sealed class KitCheckStockCache(StockVersion version, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Generation _current = new(-1, DateTimeOffset.MinValue);

    public async Task<StockIndex> GetAsync(IStockView stock, IReadOnlyCollection<string> materials, CancellationToken ct)
    {
        var generation = Current();
        var missing = materials.Where(m => !generation.Materials.ContainsKey(m)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var available = await stock.GetAvailableAsync(missing, ct);
            foreach (var material in missing)
            {
                generation.Materials.TryAdd(material, available.TryGetValue(material, out var locations)
                    ? StockIndex.FromAvailable(material, locations)
                    : MaterialStock.Build(material, []));
            }
        }

        return new StockIndex(generation.Materials);
    }

    /// <summary>The generation of this stock version, a new one when the version moved on or the kept one is too old.</summary>
    private Generation Current()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var seen = version.Current;
            if (_current.Version != seen || now - _current.Started > MaxAge)
            {
                _current = new Generation(seen, now);
            }

            return _current;
        }
    }

    private sealed record Generation(long Version, DateTimeOffset Started)
    {
        public ConcurrentDictionary<string, MaterialStock> Materials { get; } = new(StringComparer.Ordinal);
    }
}
