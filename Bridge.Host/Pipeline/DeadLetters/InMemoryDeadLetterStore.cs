namespace Bridge.Host.Pipeline.DeadLetters;

public sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly Lock _gate = new();
    private readonly List<DeadLetter> _letters = [];

    public Task AddAsync(DeadLetter letter, CancellationToken ct)
    {
        lock (_gate)
        {
            _letters.Add(letter);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, bool includeReplayed, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeadLetter>>(
                _letters.AsEnumerable().Reverse().Where(l => includeReplayed || !l.Resolved).Take(limit).ToList());
        }
    }

    public async Task<IReadOnlyList<DeadLetterSummary>> SummarizeAsync(int limit, bool includeReplayed, CancellationToken ct) =>
        (await ListAsync(limit, includeReplayed, ct)).Select(l => new DeadLetterSummary(l.Id, l.ReceivedAt, l.System, l.MessageType, l.Reason, l.Resolved)).ToList();

    public Task<long> CountOpenAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult((long)_letters.Count(l => !l.Resolved));
        }
    }

    public Task<DeadLetter?> FindAsync(Guid id, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(_letters.FirstOrDefault(l => l.Id == id));
        }
    }

    public Task MarkReplayedAsync(Guid id, DateTimeOffset at, CancellationToken ct)
    {
        lock (_gate)
        {
            var index = _letters.FindIndex(l => l.Id == id);
            if (index >= 0)
            {
                _letters[index] = _letters[index] with { ReplayedAt = at };
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> DiscardAsync(Guid id, DateTimeOffset at, string reason, CancellationToken ct)
    {
        lock (_gate)
        {
            var index = _letters.FindIndex(l => l.Id == id);
            if (index < 0 || _letters[index].Resolved)
            {
                return Task.FromResult(false);
            }

            _letters[index] = _letters[index] with { DiscardedAt = at, DiscardReason = reason };
            return Task.FromResult(true);
        }
    }
}
