namespace Bridge.Host.Pipeline.DeadLetters;

public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter letter, CancellationToken ct);

    /// <summary>The newest first; replayed and discarded ones only when asked for.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, bool includeReplayed, CancellationToken ct);

    Task<DeadLetter?> FindAsync(Guid id, CancellationToken ct);

    Task MarkReplayedAsync(Guid id, DateTimeOffset at, CancellationToken ct);

    /// <returns>False when the letter is unknown or already resolved (replayed or discarded).</returns>
    Task<bool> DiscardAsync(Guid id, DateTimeOffset at, string reason, CancellationToken ct);
}
