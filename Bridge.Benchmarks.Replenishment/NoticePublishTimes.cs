using System.Collections.Concurrent;
using System.Diagnostics;
using Bridge.Host.Processes.Replenishment.Messages;
using MassTransit;

namespace Bridge.Benchmarks.Replenishment;

/// <summary>
/// When each location's <see cref="LineSideLevelLow"/> was first handed to the bus by the signal consumer (after its
/// batch committed): splits "sent → notice at the saga" into the signal side (queue, batch, commit, publish) and the
/// broker and saga queue.
/// </summary>
internal sealed class NoticePublishTimes : IPublishObserver
{
    public ConcurrentDictionary<string, long> LevelLow { get; } = new(StringComparer.Ordinal);

    public Task PrePublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is LineSideLevelLow low)
            LevelLow.TryAdd(low.Location, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
