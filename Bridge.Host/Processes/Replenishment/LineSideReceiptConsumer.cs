using Bridge.Contracts;
using Bridge.Contracts.Messages;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Logging;
using MassTransit;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Material arriving at a line-side location (a fulfilment, a delivery): rare, so one message at a time through the
/// endpoint's inbox/outbox. Raises the level and tells the saga (<see cref="Messages.ReplenishmentReceived"/>) in the
/// message's transaction. Counter and sensor signals, the many, go through <see cref="LineSideSignalBatchConsumer"/>.
/// </summary>
public sealed class LineSideReceiptConsumer(
    LineSideSignalReader reader, ILineSideLevels levels, LineSideDeadLetters deadLetters, ILogger<LineSideReceiptConsumer> logger) :
    IConsumer<ReplenishmentFulfilled>, IConsumer<MaterialDelivered>
{
    public Task Consume(ConsumeContext<ReplenishmentFulfilled> context) =>
        ApplyAsync(context, context.Message.Location, reader.Read(context.Message), context.Message.ReplenishmentId);

    public Task Consume(ConsumeContext<MaterialDelivered> context) =>
        ApplyAsync(context, context.Message.Location, reader.Read(context.Message), null);

    private async Task ApplyAsync<T>(ConsumeContext<T> context, string location, SignalReading reading, string? replenishmentId)
        where T : CanonicalMessage
    {
        switch (reading)
        {
            case SignalReading.Rejected rejected:
                await deadLetters.AddAsync(context.Message, location, rejected.Reason, context.CancellationToken);
                return;
            case SignalReading.Signal { Location: var configured, Value: var signal }:
                var change = await levels.ApplyAsync(configured, signal, context.CancellationToken);
                if (change.Kind != LevelChangeKind.Applied)
                {
                    Log.SignalIgnored(logger, typeof(T).Name, signal.MessageId, LogText.Escape(configured.Id), change.Kind.ToString());
                    return;
                }

                if (LineSideNotice.For(new LocatedSignal(configured, signal), change, replenishmentId) is { } notice)
                    await notice.PublishAsync(context, context.CancellationToken);
                return;
        }
    }
}
