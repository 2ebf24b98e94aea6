namespace Bridge.Host.Domain.LineSide;

/// <summary>The location-state projection: every signal lands here; the saga hears only of changes that matter.</summary>
public interface ILineSideLevels
{
    /// <summary>Applies <paramref name="signal"/> to the location's level atomically (one writer per location at a time).</summary>
    Task<LevelChange> ApplyAsync(LineSideLocation location, LineSideSignal signal, CancellationToken ct);

    Task<LineSideLevel?> FindAsync(string location, CancellationToken ct);

    Task<IReadOnlyList<LineSideLevel>> ListAsync(CancellationToken ct);
}
