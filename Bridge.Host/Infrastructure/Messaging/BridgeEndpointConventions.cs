using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Storage;
using MassTransit;
using MassTransit.Configuration;
using Npgsql;

namespace Bridge.Host.Infrastructure.Messaging;

/// <summary>
/// What every Bridge receive endpoint gets, in both modes and in the test harness: a patient retry while the database
/// is away (<see cref="DatabaseOutage"/>), retry (outer, so a
/// <see cref="ConcurrencyException"/> rolls back the whole outbox pass and re-runs it on fresh state), then the
/// inbox/outbox. A message that still fails goes to the endpoint's <c>_error</c> queue; nothing is acknowledged and dropped.
/// </summary>
public static class BridgeEndpointConventions
{
    public const string EndpointPrefix = "bridge";

    /// <summary>
    /// Endpoints of the outbound dispatchers. They get neither outbox nor these retries: a system is never called
    /// while a database transaction is open, and their definition sets the durable redelivery schedule.
    /// </summary>
    public const string OutboundEndpointPrefix = "bridge-outbound-";

    /// <summary>
    /// Endpoints whose consumer runs its own transaction with its own inbox rows and outbox (a batch consumer: one
    /// MassTransit inbox key per batch could not dedup its messages one by one). They get the retries, not the outbox.
    /// </summary>
    public const string OwnTransactionEndpointPrefix = "bridge-batch-";

    public static IEndpointNameFormatter EndpointNameFormatter { get; } = new KebabCaseEndpointNameFormatter(EndpointPrefix, false);

    /// <param name="withOutbox">
    /// False only under MassTransit's test harness: there, an outbox delays publishing past the point where the
    /// harness sees the endpoint go idle, so <c>InactivityTask</c> and <c>Published.Any</c> can miss messages.
    /// </param>
    public static void Apply(IRegistrationContext context, IReceiveEndpointConfigurator endpoint, BridgeMode mode, bool withOutbox = true)
    {
        if (endpoint.InputAddress.Segments.LastOrDefault()?.StartsWith(OutboundEndpointPrefix, StringComparison.Ordinal) == true)
            return;

        // Outermost: the database is away (restarting): hold the message and try again for about two minutes.
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<Exception>(DatabaseOutage.Is);
            r.Intervals(DatabaseOutage.RetryIntervals);
        });
        // Outer: ordinary failures, a few spaced attempts.
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<ConcurrencyException>();
            r.Ignore<Exception>(DatabaseOutage.Is);
            r.Intervals(100, 500, 2000);
        });
        // Inner: optimistic-concurrency losers and transient database conflicts, many quick attempts.
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<ConcurrencyException>();
            r.Handle<PostgresException>(e => e.IsTransient || e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected);
            r.Exponential(60, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(10));
        });

        if (!withOutbox || endpoint.InputAddress.Segments.LastOrDefault()?.StartsWith(OwnTransactionEndpointPrefix, StringComparison.Ordinal) == true)
            return;

        if (mode == BridgeMode.Production)
        {
            var observer = new OutboxConsumePipeSpecificationObserver<PostgresUnitOfWork>(endpoint, context);
            endpoint.ConnectConsumerConfigurationObserver(observer);
            endpoint.ConnectSagaConfigurationObserver(observer);
        }
        else
        {
            endpoint.UseInMemoryInboxOutbox(context);
        }
    }
}
