namespace Bridge.Host.DeadLetters;

public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter letter, CancellationToken ct);

    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken ct);

    Task<DeadLetter?> FindAsync(Guid id, CancellationToken ct);
}
