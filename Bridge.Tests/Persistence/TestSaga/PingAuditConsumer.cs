using MassTransit;

namespace Bridge.Tests.Persistence.TestSaga;

/// <summary>A second consumer of <see cref="Ping"/> placed on the same endpoint as <see cref="PingConsumer"/>.</summary>
public sealed class PingAuditConsumer(PingCounts counts) : IConsumer<Ping>
{
    public const string EndpointName = "bridge-ping";

    public Task Consume(ConsumeContext<Ping> context)
    {
        counts.Audited.AddOrUpdate(context.Message.Number, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
