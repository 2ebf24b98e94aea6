using Bridge.Host.Domain.LineSide;
using Bridge.Host.Processes.Replenishment.Messages;
using MassTransit;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// What the location-state projection tells the saga about one applied signal, if anything: the level fell to the reorder
/// point (<see cref="LineSideLevelLow"/>) or material arrived (<see cref="ReplenishmentReceived"/>). The message id is
/// derived from the signal's, so a notice sent twice (after a crash) is one message to the saga's inbox.
/// </summary>
public sealed record LineSideNotice(Guid MessageId, object Message)
{
    public static LineSideNotice? For(LocatedSignal located, LevelChange change, string? replenishmentId)
    {
        var (location, signal) = located;
        if (change.Kind != LevelChangeKind.Applied)
            return null;
        if (signal.Kind == LineSideSignalKind.Receipt)
        {
            return new LineSideNotice(ReplenishmentIds.Notice(signal.MessageId),
                new ReplenishmentReceived(location.Id, replenishmentId, signal.Quantity, change.Level.Quantity, signal.MessageId, signal.Source));
        }

        if (!change.BecameLow)
            return null;
        var cards = signal.Kind == LineSideSignalKind.Card ? (int)Math.Ceiling(signal.Quantity) : 0;
        return new LineSideNotice(ReplenishmentIds.Notice(signal.MessageId),
            new LineSideLevelLow(location.Id, change.Level.Quantity, cards, signal.MessageId, signal.At, signal.Source));
    }

    /// <summary>The location the notice is about: the saga's key.</summary>
    public string Location => Message switch
    {
        LineSideLevelLow low => low.Location,
        ReplenishmentReceived received => received.Location,
        _ => "",
    };

    public Task PublishAsync(IPublishEndpoint endpoint, CancellationToken ct) =>
        endpoint.Publish(Message, Message.GetType(), Pipe.Execute<PublishContext>(c => c.MessageId = MessageId), ct);
}
