using System.Collections.Concurrent;
using MassTransit;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>Every message the host's bus consumes, counted by type, with the bytes of its body (to size the raw phase's messages alike).</summary>
internal sealed class BusMessageCount : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, long> _byType = new(StringComparer.Ordinal);
    private long _total;
    private long _bytes;

    public long Total => Interlocked.Read(ref _total);

    public long Bytes => Interlocked.Read(ref _bytes);

    public IReadOnlyDictionary<string, long> ByType => _byType;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        Interlocked.Increment(ref _total);
        Interlocked.Add(ref _bytes, context.ReceiveContext.Body.Length ?? 0);
        _byType.AddOrUpdate(typeof(T).Name, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public (long Total, long Bytes, Dictionary<string, long> ByType) Snapshot() => (Total, Bytes, new Dictionary<string, long>(_byType, StringComparer.Ordinal));
}
