using System.Threading.Channels;
using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Tests.Orchestration.MaterialRequests.Soak;

/// <summary>The soak WMS's inbox: each pick order Bridge issued, once (a redelivered PickOrderIssued is recognised by its id).</summary>
internal sealed class SoakPickOrders : IConsumer<PickOrderIssued>
{
    private readonly Channel<PickOrderIssued> _channel = Channel.CreateUnbounded<PickOrderIssued>();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public ChannelReader<PickOrderIssued> Reader => _channel.Reader;

    public int Count
    {
        get
        {
            lock (_seen)
            {
                return _seen.Count;
            }
        }
    }

    public Task Consume(ConsumeContext<PickOrderIssued> context)
    {
        lock (_seen)
        {
            if (!_seen.Add(context.Message.PickOrderId))
            {
                return Task.CompletedTask;
            }
        }

        _channel.Writer.TryWrite(context.Message);
        return Task.CompletedTask;
    }
}
