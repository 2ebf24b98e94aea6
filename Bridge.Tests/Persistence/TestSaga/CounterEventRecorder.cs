using Bridge.Contracts.Messages;
using MassTransit;

namespace Bridge.Tests.Persistence.TestSaga;

/// <summary>Records what a test host received, by message type, for assertions.</summary>
public sealed class CounterEventRecorder :
    IConsumer<CounterCompleted>, IConsumer<CounterExploded>, IConsumer<CounterTimedOut>, IConsumer<Fault<ExplodeCounter>>, IConsumer<BinLevelReported>
{
    readonly ReceivedMessages _received;

    public CounterEventRecorder(ReceivedMessages received) => _received = received;

    public Task Consume(ConsumeContext<CounterCompleted> context) => Record(context);
    public Task Consume(ConsumeContext<CounterExploded> context) => Record(context);
    public Task Consume(ConsumeContext<CounterTimedOut> context) => Record(context);
    public Task Consume(ConsumeContext<Fault<ExplodeCounter>> context) => Record(context);
    public Task Consume(ConsumeContext<BinLevelReported> context) => Record(context);

    Task Record<T>(ConsumeContext<T> context)
        where T : class
    {
        _received.Add(context.Message, context.MessageId);
        return Task.CompletedTask;
    }
}
