using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Benchmarks.Material.EndToEnd;

/// <summary>
/// The material request saga's own throughput, its input queue prefilled: every other receive endpoint is stopped (no
/// outbound delivery, no projection), so the clock runs over the saga's consumes alone — each with its inbox, saga row,
/// stock reservation or pick, stored sends and their delivery pass to RabbitMQ.
/// 1. <c>count</c> <see cref="MaterialRequested"/> published straight to the bus (no HTTP, mapping or inbound outbox)
///    while the saga's endpoint is stopped; then the endpoint is started and timed until it has consumed them all.
/// 2. The other endpoints run the requests on (pick lists to the WMS, its confirmations in over HTTP) until
///    <c>count</c> <see cref="PickConfirmed"/> are published into the stopped saga's queue; then the saga alone again,
///    timed until it has consumed them all.
/// 3. Everything started again; the deliveries are waited for.
/// </summary>
internal sealed class SagaOnlyPhase : IConsumeObserver, IPublishObserver
{
    private const string SagaEndpoint = "material-request-state";
    private readonly ConcurrentDictionary<Type, long> _consumed = new();
    private long _confirmationsPublished;

    public sealed record Part(string Event, int Count, double Seconds, double FirstToLastSeconds, Dictionary<string, double> CpuMs);

    public static async Task<IReadOnlyList<Part>> MeasureAsync(IBusControl bus, IReadOnlyDictionary<string, int> processes, Func<int, string> orderNo, int firstOrder, int count)
    {
        var phase = new SagaOnlyPhase();
        using var consumeHandle = bus.ConnectConsumeObserver(phase);
        using var publishHandle = bus.ConnectPublishObserver(phase);
        var endpoints = bus.CheckHealth().Endpoints
            .Where(e => !e.Key.Contains("temporary=true", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(e => e.Key, e => e.Value.ReceiveEndpoint, StringComparer.Ordinal);
        var saga = endpoints.Single(e => e.Key.Contains(SagaEndpoint, StringComparison.Ordinal)).Value;
        var others = endpoints.Where(e => !e.Key.Contains(SagaEndpoint, StringComparison.Ordinal)).Select(e => e.Value).ToList();

        await Task.WhenAll(endpoints.Values.Select(e => e.Stop()));
        var ids = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"MR-BS-{i:000000}")).ToArray();
        using (var inFlight = new SemaphoreSlim(64))
        {
            await Task.WhenAll(ids.Select(async (id, i) =>
            {
                await inFlight.WaitAsync();
                try
                {
                    await bus.Publish(new MaterialRequested
                    {
                        MessageId = NewId.NextGuid(),
                        CorrelationId = id,
                        Source = "mes",
                        OccurredAt = DateTimeOffset.UtcNow,
                        RequestId = id,
                        OrderId = orderNo(firstOrder + i).TrimStart('0'),
                        Line = "L1",
                        Location = "L1-ST03",
                        OrderQuantity = 1,
                        NeededBy = DateTimeOffset.UtcNow.AddHours(2),
                    });
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }

        var parts = new List<Part> { await phase.RunSagaAlone(saga, typeof(MaterialRequested), nameof(MaterialRequested), count, processes) };

        // The requests go on without the saga until their confirmations wait in its queue.
        await Task.WhenAll(others.Select(e => e.Start().Ready));
        var waiting = Stopwatch.StartNew();
        while (Interlocked.Read(ref phase._confirmationsPublished) < count && waiting.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(20);
        }

        await Task.WhenAll(others.Select(e => e.Stop()));
        parts.Add(await phase.RunSagaAlone(saga, typeof(PickConfirmed), nameof(PickConfirmed), count, processes));

        await Task.WhenAll(others.Select(e => e.Start().Ready));
        waiting.Restart();
        while (phase.Consumed(typeof(MaterialDelivered)) < count && waiting.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20);
        }

        return parts;
    }

    private async Task<Part> RunSagaAlone(IReceiveEndpoint saga, Type message, string name, int count, IReadOnlyDictionary<string, int> processes)
    {
        var before = Consumed(message);
        var cpuBefore = ProcessCpu.Snapshot(processes);
        var started = Stopwatch.GetTimestamp();
        long first = 0;
        await saga.Start().Ready;
        while (Consumed(message) - before < count && Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(3))
        {
            if (first == 0 && Consumed(message) > before)
            {
                first = Stopwatch.GetTimestamp();
            }

            await Task.Delay(5);
        }

        var ended = Stopwatch.GetTimestamp();
        var cpuAfter = ProcessCpu.Snapshot(processes);
        await saga.Stop();
        var done = (int)(Consumed(message) - before);
        return new Part(name, done, Stopwatch.GetElapsedTime(started, ended).TotalSeconds, first == 0 ? double.NaN : Stopwatch.GetElapsedTime(first, ended).TotalSeconds,
            cpuAfter.ToDictionary(p => p.Key, p => (p.Value - cpuBefore.GetValueOrDefault(p.Key)) * 1000, StringComparer.Ordinal));
    }

    private long Consumed(Type message) => _consumed.GetValueOrDefault(message);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _consumed.AddOrUpdate(typeof(T), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is PickConfirmed)
        {
            Interlocked.Increment(ref _confirmationsPublished);
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
