using MassTransit;

namespace Bridge.Host.Infrastructure.Storage.Sagas;

/// <summary>
/// The load of the saga instance a consumed message will correlate to, for the round trip that locks the consume's inbox
/// row (<see cref="Messaging.PostgresOutboxContextFactory"/>): one round trip a consume instead of two.
/// </summary>
public interface ISagaLoadAhead
{
    /// <summary>The outbox's name for the saga's consumer (MassTransit's short type name of the saga).</summary>
    string ConsumerType { get; }

    /// <summary>The load for <paramref name="context"/>'s instance, or null when its event does not correlate by id.</summary>
    Task<SagaLoadAheadCommand?> CommandFor<T>(ConsumeContext<T> context)
        where T : class;
}
