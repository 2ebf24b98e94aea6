using System.Collections.Concurrent;

namespace Bridge.Faults.Harness;

/// <summary>
/// The calls of one kind the receivers took. A receiver that honours <c>Idempotency-Key</c> acts once per key, so:
/// distinct keys are messages delivered; a further call with a key already seen is a <see cref="SameKeyResends">same-key
/// resend</see> (at-least-once delivery such a receiver absorbs); and one business item (a request line, a location's
/// fall, a request's delivery) arriving under a second, different key is a <see cref="Duplicates">duplicate</see> — an
/// effect the receiver would act on twice. The subject (request, pick order, replenishment id read from the path) is kept
/// so a scenario can tell which of its inputs arrived.
/// </summary>
public sealed class ReceiverTally
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _subjects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _itemKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTimeOffset> _firstArrivals = new();

    /// <summary>Counts the call under its key and each business item it carries; true when its key was new.</summary>
    public bool Add(string key, string subject, IReadOnlyCollection<string> items)
    {
        _subjects.TryAdd(subject, TimeProvider.System.GetUtcNow());
        foreach (var item in items)
        {
            _itemKeys.GetOrAdd(item, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(key, 0);
        }

        var isNew = _calls.AddOrUpdate(key, 1, (_, n) => n + 1) == 1;
        if (isNew)
        {
            _firstArrivals.Enqueue(TimeProvider.System.GetUtcNow());
        }

        return isNew;
    }

    /// <summary>Distinct idempotency keys: messages delivered.</summary>
    public int Distinct => _calls.Count;

    /// <summary>Distinct business items that arrived (under any key).</summary>
    public int Items => _itemKeys.Count;

    /// <summary>Business items that arrived under more than one key, counted once per extra key.</summary>
    public int Duplicates => _itemKeys.Values.Sum(keys => keys.Count - 1);

    /// <summary>Calls repeating a key already seen.</summary>
    public int SameKeyResends => _calls.Values.Sum(n => n - 1);

    /// <summary>A few business items that came under more than one key, for the report.</summary>
    public IEnumerable<string> DuplicatedItems => _itemKeys.Where(i => i.Value.Count > 1).Select(i => i.Key).Order(StringComparer.Ordinal);

    public bool HasSubject(string subject) => _subjects.ContainsKey(subject);

    /// <summary>When the first call about <paramref name="subject"/> arrived; null when none has.</summary>
    public DateTimeOffset? ArrivalOf(string subject) => _subjects.TryGetValue(subject, out var at) ? at : null;

    public int SubjectCount => _subjects.Count;

    /// <summary>When the first message (new key) after <paramref name="moment"/> arrived; null when none has.</summary>
    public DateTimeOffset? FirstArrivalAfter(DateTimeOffset moment) =>
        _firstArrivals.Where(t => t > moment).Order().Cast<DateTimeOffset?>().FirstOrDefault();
}
