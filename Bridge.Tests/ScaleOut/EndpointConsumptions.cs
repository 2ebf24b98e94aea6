using System.Collections.Concurrent;
using MassTransit;

namespace Bridge.Tests.ScaleOut;

/// <summary>The message ids one host's bus consumed on one receive endpoint (counted once consumed, not on a retried attempt).</summary>
internal sealed class EndpointConsumptions(string endpoint) : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, byte> _consumed = new();

    public IReadOnlyCollection<Guid> MessageIds => _consumed.Keys.ToList();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.ReceiveContext.InputAddress.AbsolutePath.EndsWith("/" + endpoint, StringComparison.Ordinal) && context.MessageId is { } id)
            _consumed.TryAdd(id, 0);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
