namespace Bridge.Host.Pipeline.DeadLetters;

public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter letter, CancellationToken ct);

    /// <summary>The newest first; replayed ones only when asked for.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, bool includeReplayed, CancellationToken ct);

    Task<DeadLetter?> FindAsync(Guid id, CancellationToken ct);

    Task MarkReplayedAsync(Guid id, DateTimeOffset at, CancellationToken ct);
}
