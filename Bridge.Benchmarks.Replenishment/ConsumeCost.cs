using System.Collections.Concurrent;
using System.Diagnostics;
using Bridge.Contracts.Messages;
using Bridge.Host.Processes.Replenishment.Messages;
using MassTransit;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// Counts consumed messages and adds up the time from receipt to the end of the consumer, per message type (the saga's
/// share); for each location, when its <see cref="LineSideLevelLow"/> and its <see cref="ReplenishmentRequested"/> were
/// first received (<see cref="Stopwatch"/> timestamps), to split the crossing → WMS latency.
/// </summary>
internal sealed class ConsumeCost : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, (long Count, double Milliseconds)> _byType = new();

    public IReadOnlyDictionary<string, (long Count, double Milliseconds)> ByType => _byType;

    public ConcurrentDictionary<string, long> LevelLow { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> Requested { get; } = new(StringComparer.Ordinal);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        var now = Stopwatch.GetTimestamp();
        var elapsed = context.ReceiveContext.ElapsedTime;
        var received = now - (long)(elapsed.TotalSeconds * Stopwatch.Frequency);
        if (context.Message is LineSideLevelLow low)
            LevelLow.TryAdd(low.Location, received);
        else if (context.Message is ReplenishmentRequested requested)
            Requested.TryAdd(requested.Location, received);
        _byType.AddOrUpdate(typeof(T).Name, _ => (1, elapsed.TotalMilliseconds), (_, v) => (v.Count + 1, v.Milliseconds + elapsed.TotalMilliseconds));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
