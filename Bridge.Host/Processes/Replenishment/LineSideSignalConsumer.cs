using Bridge.Contracts;
using Bridge.Contracts.Messages;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Processes.Replenishment.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// The location-state projection in front of the saga: every counter delta, bin reading and receipt changes the
/// location's level (<see cref="ILineSideLevels"/>, one row per location); only a fall to the reorder point and material
/// arriving reach the saga. Ten thousand signals a second become a handful of saga events.
/// </summary>
public sealed class LineSideSignalConsumer(
    LineSideSignalReader reader, ILineSideLevels levels, LineSideDeadLetters deadLetters, ILogger<LineSideSignalConsumer> logger) :
    IConsumer<LineSideConsumptionReported>, IConsumer<BinLevelReported>, IConsumer<ReplenishmentFulfilled>, IConsumer<MaterialDelivered>
{
    public Task Consume(ConsumeContext<LineSideConsumptionReported> context) =>
        ApplyAsync(context, context.Message.Location, reader.Read(context.Message), null);

    public Task Consume(ConsumeContext<BinLevelReported> context) =>
        ApplyAsync(context, context.Message.Location, reader.Read(context.Message), null);

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

                if (signal.Kind == LineSideSignalKind.Receipt)
                {
                    await context.Publish(new ReplenishmentReceived(configured.Id, replenishmentId, signal.Quantity, change.Level.Quantity, signal.MessageId, signal.Source));
                }
                else if (change.BecameLow)
                {
                    Log.LevelLow(logger, LogText.Escape(configured.Id), change.Level.Quantity, typeof(T).Name, signal.MessageId, LogText.Escape(signal.Source));
                    var cards = signal.Kind == LineSideSignalKind.Card ? (int)Math.Ceiling(signal.Quantity) : 0;
                    await context.Publish(new LineSideLevelLow(configured.Id, change.Level.Quantity, cards, signal.MessageId, signal.At, signal.Source));
                }

                return;
        }
    }
}
