using System.Collections.Concurrent;
using System.Diagnostics;
using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>Counts consumed messages and adds up the time each consumer took, per message type (the saga's share).</summary>
internal sealed class ConsumeCost : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, (long Count, double Milliseconds)> _byType = new();
    private long _signals;
    private long _lastSignalTicks;

    public long Signals => Interlocked.Read(ref _signals);

    public long LastSignalTimestamp => Interlocked.Read(ref _lastSignalTicks);

    public IReadOnlyDictionary<string, (long Count, double Milliseconds)> ByType => _byType;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        var elapsed = context.ReceiveContext.ElapsedTime.TotalMilliseconds;
        _byType.AddOrUpdate(typeof(T).Name, _ => (1, elapsed), (_, v) => (v.Count + 1, v.Milliseconds + elapsed));
        if (context.Message is LineSideConsumptionReported)
        {
            Interlocked.Increment(ref _signals);
            Interlocked.Exchange(ref _lastSignalTicks, Stopwatch.GetTimestamp());
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
