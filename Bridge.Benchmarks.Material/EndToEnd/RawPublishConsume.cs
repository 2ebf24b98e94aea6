using System.Diagnostics;
using MassTransit;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// The second raw peer: what the saga path asks of the broker for each of its messages, without Bridge. <c>count</c>
/// persistent messages of <c>size</c> bytes published (durable exchange and queue, publisher confirms, as the host
/// publishes) with up to <c>inFlight</c> publishes awaiting their confirm, and consumed at the same time by a no-op
/// consumer with the host's prefetch and concurrency. Returns messages/s (first publish → last consume) and the CPU per
/// message (ms) of this process (publisher and consumer) and of the servers.
/// </summary>
internal static class RawPublishConsume
{
    public static async Task<(double PerSecond, Dictionary<string, double> CpuPerMessage)> MeasureAsync(
        Uri rabbitMq, int count, int size, ushort prefetch, int concurrency, int inFlight)
    {
        var consumed = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = $"bench-raw-publish-{Guid.NewGuid():N}";
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(rabbitMq);
            cfg.PrefetchCount = prefetch;
            cfg.ConcurrentMessageLimit = concurrency;
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.PrefetchCount = prefetch;
                e.ConcurrentMessageLimit = concurrency;
                e.Handler<RawPublished>(_ =>
                {
                    if (Interlocked.Increment(ref consumed) == count)
                    {
                        done.TrySetResult();
                    }

                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            var body = new string('x', Math.Max(0, size - 120));
            var next = -1;
            var cpuBefore = ProcessCpu.Snapshot(new Dictionary<string, int>());
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < count)
                {
                    await bus.Publish(new RawPublished(Guid.NewGuid(), body));
                }
            }));
            await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpuAfter = ProcessCpu.Snapshot(new Dictionary<string, int>());
            return (count / seconds, cpuAfter.ToDictionary(p => p.Key, p => (p.Value - cpuBefore.GetValueOrDefault(p.Key)) * 1000 / count, StringComparer.Ordinal));
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
