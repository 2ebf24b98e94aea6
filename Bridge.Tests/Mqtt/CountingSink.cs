using System.Collections.Concurrent;
using System.Text;
using Bridge.Adapters.Envelopes;

namespace Bridge.Tests.Mqtt;

/// <summary>
/// Keeps every envelope it takes; <see cref="Refuse"/> makes it throw (nothing taken) for bodies it names, once each,
/// and <see cref="Gate"/> holds every hand-over until opened.
/// </summary>
internal sealed class CountingSink : IEnvelopeSink
{
    private readonly ConcurrentQueue<InboundEnvelope> _taken = new();
    private readonly ConcurrentDictionary<string, bool> _refuseOnce = new();
    private TaskCompletionSource? _waiter;
    private int _expected;

    public IReadOnlyCollection<InboundEnvelope> Taken => _taken;

    public TaskCompletionSource<bool>? Gate { get; set; }

    public void Refuse(string body) => _refuseOnce[body] = true;

    public IEnumerable<string> Bodies => _taken.Select(e => Encoding.UTF8.GetString(e.Body.Span));

    public async Task<EnvelopeReceipt> AcceptAsync(InboundEnvelope envelope, CancellationToken ct)
    {
        if (Gate is { } gate)
            await gate.Task.WaitAsync(ct);
        var body = Encoding.UTF8.GetString(envelope.Body.Span);
        if (_refuseOnce.TryRemove(body, out _))
            throw new InvalidOperationException("the store is down for " + body);
        _taken.Enqueue(envelope);
        if (_waiter is { } waiter && _taken.Count >= Volatile.Read(ref _expected))
            waiter.TrySetResult();
        return EnvelopeReceipt.Taken;
    }

    /// <summary>Returns once at least <paramref name="count"/> envelopes were taken.</summary>
    public Task WaitForCountAsync(int count, TimeSpan timeout)
    {
        Volatile.Write(ref _expected, count);
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiter = waiter;
        if (_taken.Count >= count)
            waiter.TrySetResult();
        return waiter.Task.WaitAsync(timeout);
    }
}
