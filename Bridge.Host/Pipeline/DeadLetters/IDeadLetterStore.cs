namespace Bridge.Host.Pipeline.DeadLetters;

public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter letter, CancellationToken ct);

    /// <summary>The newest first; replayed and discarded ones only when asked for.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, bool includeReplayed, CancellationToken ct);

    /// <summary>
    /// The newest first, as <see cref="ListAsync"/>, but without bodies: for counts and overviews, which run every few
    /// seconds and must not load megabytes of hostile payloads to count them.
    /// </summary>
    Task<IReadOnlyList<DeadLetterSummary>> SummarizeAsync(int limit, bool includeReplayed, CancellationToken ct);

    /// <summary>How many letters are open (neither replayed nor discarded), counted where they are stored.</summary>
    Task<long> CountOpenAsync(CancellationToken ct);

    Task<DeadLetter?> FindAsync(Guid id, CancellationToken ct);

    Task MarkReplayedAsync(Guid id, DateTimeOffset at, CancellationToken ct);

    /// <returns>False when the letter is unknown or already resolved (replayed or discarded).</returns>
    Task<bool> DiscardAsync(Guid id, DateTimeOffset at, string reason, CancellationToken ct);
}
