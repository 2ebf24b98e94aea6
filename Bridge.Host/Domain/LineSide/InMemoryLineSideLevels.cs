using System.Collections.Concurrent;

namespace Bridge.Host.Domain.LineSide;

public sealed class InMemoryLineSideLevels : ILineSideLevels
{
    private readonly ConcurrentDictionary<string, LineSideLevel> _levels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _locks = new(StringComparer.Ordinal);

    public Task<LevelChange> ApplyAsync(LineSideLocation location, LineSideSignal signal, CancellationToken ct)
    {
        lock (_locks.GetOrAdd(location.Id, _ => new object()))
        {
            var current = _levels.GetValueOrDefault(location.Id) ?? new LineSideLevel { Location = location.Id, Quantity = location.Max };
            var change = LineSideLevelRules.Apply(current, location, signal);
            _levels[location.Id] = change.Level;
            return Task.FromResult(change);
        }
    }

    public Task<LineSideLevel?> FindAsync(string location, CancellationToken ct) => Task.FromResult(_levels.GetValueOrDefault(location));

    public Task<IReadOnlyList<LineSideLevel>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<LineSideLevel>>(_levels.Values.OrderBy(l => l.Location, StringComparer.Ordinal).ToList());
}
