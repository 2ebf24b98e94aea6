using Bridge.Host.Infrastructure.Messaging;
using MassTransit;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Counter and sensor signals are consumed in batches of up to <see cref="MessageLimit"/>, or whatever arrived within
/// <see cref="TimeLimit"/> (so a lone signal waits at most that long), <see cref="ConcurrencyLimit"/> batches at a time.
/// The endpoint takes its own transaction per batch (<see cref="ILineSideSignalBatch"/>), so it is named outside the
/// per-message inbox/outbox (<see cref="BridgeEndpointConventions.OwnTransactionEndpointPrefix"/>); the retries stay.
/// </summary>
public sealed class LineSideSignalBatchConsumerDefinition : ConsumerDefinition<LineSideSignalBatchConsumer>
{
    public const string QueueName = BridgeEndpointConventions.OwnTransactionEndpointPrefix + "line-side-signals";
    public const int MessageLimit = 1000;
    public const int ConcurrencyLimit = 2;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(100);

    public LineSideSignalBatchConsumerDefinition()
    {
        EndpointName = QueueName;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<LineSideSignalBatchConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Every batch in flight must be able to fill: the broker hands out that many unacknowledged messages.
        endpointConfigurator.PrefetchCount = MessageLimit * ConcurrencyLimit;
        endpointConfigurator.ConcurrentMessageLimit = MessageLimit * ConcurrencyLimit;
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(MessageLimit)
            .SetTimeLimit(TimeLimit)
            .SetConcurrencyLimit(ConcurrencyLimit));
    }
}
