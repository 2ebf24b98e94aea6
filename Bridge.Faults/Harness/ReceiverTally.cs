using System.Collections.Concurrent;

namespace Bridge.Faults.Harness;

/// <summary>
/// The calls of one kind the receivers took, by <c>Idempotency-Key</c>: distinct keys are messages delivered, every
/// further call with a key already seen is a duplicate. The subject (request, pick order, replenishment id read from
/// the path) is kept per key so a scenario can tell which of its inputs arrived.
/// </summary>
public sealed class ReceiverTally
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _subjects = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTimeOffset> _firstArrivals = new();

    /// <summary>Counts the call; true when its key was new.</summary>
    public bool Add(string key, string subject)
    {
        _subjects.TryAdd(subject, 0);
        var isNew = _calls.AddOrUpdate(key, 1, (_, n) => n + 1) == 1;
        if (isNew)
        {
            _firstArrivals.Enqueue(TimeProvider.System.GetUtcNow());
        }

        return isNew;
    }

    public int Distinct => _calls.Count;

    public int Duplicates => _calls.Values.Sum(n => n - 1);

    public bool HasSubject(string subject) => _subjects.ContainsKey(subject);

    public int SubjectCount => _subjects.Count;

    /// <summary>When the first message (new key) after <paramref name="moment"/> arrived; null when none has.</summary>
    public DateTimeOffset? FirstArrivalAfter(DateTimeOffset moment) =>
        _firstArrivals.Where(t => t > moment).Order().Cast<DateTimeOffset?>().FirstOrDefault();
}
