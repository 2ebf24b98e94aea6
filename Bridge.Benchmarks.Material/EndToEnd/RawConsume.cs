using System.Diagnostics;
using MassTransit;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// Raw MassTransit on the same broker: <c>count</c> persistent messages of <c>size</c> bytes sent to a queue first, then
/// one consumer that only counts them, with the host's prefetch and concurrency; returns messages consumed a second and
/// the CPU per message consumed (ms) of this process (the consumer) and of the servers, over the consume alone.
/// </summary>
internal static class RawConsume
{
    public static async Task<(double PerSecond, Dictionary<string, double> CpuPerMessage)> MeasureAsync(Uri rabbitMq, int count, int size, ushort prefetch, int concurrency)
    {
        var consumed = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(rabbitMq);
            cfg.PrefetchCount = prefetch;
            cfg.ConcurrentMessageLimit = concurrency;
        });
        await bus.StartAsync();
        try
        {
            var queue = $"bench-raw-{Guid.NewGuid():N}";
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
            var body = new string('x', Math.Max(0, size - 120));
            for (var sent = 0; sent < count;)
            {
                var batch = Math.Min(500, count - sent);
                await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => endpoint.Send(new RawMessage(Guid.NewGuid(), body))));
                sent += batch;
            }

            var cpuBefore = ProcessCpu.Snapshot(new Dictionary<string, int>());
            var started = Stopwatch.GetTimestamp();
            var handle = bus.ConnectReceiveEndpoint(queue, e =>
            {
                e.PrefetchCount = prefetch;
                e.ConcurrentMessageLimit = concurrency;
                e.Handler<RawMessage>(_ =>
                {
                    if (Interlocked.Increment(ref consumed) == count)
                    {
                        done.TrySetResult();
                    }

                    return Task.CompletedTask;
                });
            });
            await handle.Ready;
            await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpuAfter = ProcessCpu.Snapshot(new Dictionary<string, int>());
            await handle.StopAsync();
            return (count / seconds, cpuAfter.ToDictionary(p => p.Key, p => (p.Value - cpuBefore.GetValueOrDefault(p.Key)) * 1000 / count, StringComparer.Ordinal));
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
