using System.Collections.Concurrent;
using MassTransit;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>Counts consumed messages and adds up the time from receipt to the end of the consumer, per message type (the saga's share).</summary>
internal sealed class ConsumeCost : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, (long Count, double Milliseconds)> _byType = new();

    public IReadOnlyDictionary<string, (long Count, double Milliseconds)> ByType => _byType;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        var elapsed = context.ReceiveContext.ElapsedTime.TotalMilliseconds;
        _byType.AddOrUpdate(typeof(T).Name, _ => (1, elapsed), (_, v) => (v.Count + 1, v.Milliseconds + elapsed));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
