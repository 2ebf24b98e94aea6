using System.Collections.Concurrent;

namespace Bridge.Faults.Flood;

/// <summary>What became of the mutated payloads of one run: counted as the senders see the answers, thread-safe.</summary>
public sealed class MutationTally
{
    private const int MaxExamples = 10;
    private readonly ConcurrentQueue<string> _examples = new();
    private long _sent;
    private long _mapped;
    private long _refused;
    private long _refusedWithoutDeadLetter;
    private long _serverErrors;
    private long _hangs;
    private long _transportFailures;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Answered 202 (HTTP); for MQTT and AMQP counted at the end from the canonical messages on RabbitMQ.</summary>
    public long Mapped => Interlocked.Read(ref _mapped);

    /// <summary>Answered 4xx with a reason and a dead letter (HTTP); for MQTT and AMQP counted from PostgreSQL.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Answered 4xx without a reason or without a dead letter id (a 413 for a body over the limit counts here only when it has no reason).</summary>
    public long RefusedWithoutDeadLetter => Interlocked.Read(ref _refusedWithoutDeadLetter);

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public long Hangs => Interlocked.Read(ref _hangs);

    /// <summary>The connection failed (the host was gone, or reset the connection).</summary>
    public long TransportFailures => Interlocked.Read(ref _transportFailures);

    public IEnumerable<string> Examples => _examples;

    public void CountSent() => Interlocked.Increment(ref _sent);

    public void CountMapped(long count = 1) => Interlocked.Add(ref _mapped, count);

    public void CountRefused(long count = 1) => Interlocked.Add(ref _refused, count);

    public void CountRefusedWithoutDeadLetter(string example) => Count(ref _refusedWithoutDeadLetter, example);

    public void CountServerError(string example) => Count(ref _serverErrors, example);

    public void CountHang(string example) => Count(ref _hangs, example);

    public void CountTransportFailure(string example) => Count(ref _transportFailures, example);

    private void Count(ref long counter, string example)
    {
        Interlocked.Increment(ref counter);
        if (_examples.Count < MaxExamples) _examples.Enqueue(example.Length > 300 ? example[..300] + "…" : example);
    }
}
