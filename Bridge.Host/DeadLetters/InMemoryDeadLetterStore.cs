namespace Bridge.Host.DeadLetters;

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

    public Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeadLetter>>(_letters.AsEnumerable().Reverse().Take(limit).ToList());
        }
    }

    public Task<DeadLetter?> FindAsync(Guid id, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(_letters.FirstOrDefault(l => l.Id == id));
        }
    }
}
