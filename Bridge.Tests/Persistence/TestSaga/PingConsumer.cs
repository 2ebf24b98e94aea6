using MassTransit;

namespace Bridge.Tests.Persistence.TestSaga;

/// <summary>Counts pings per number, to check exactly-once consumption through the inbox under load.</summary>
public sealed class PingConsumer(PingCounts counts) : IConsumer<Ping>
{
    public Task Consume(ConsumeContext<Ping> context)
    {
        counts.Seen.AddOrUpdate(context.Message.Number, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
