namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>Bus and storage settings, bound from the configuration section <c>Bridge</c>.</summary>
public sealed class BridgeMessagingOptions
{
    public const string SectionName = "Bridge";

    /// <value>Default <see cref="BridgeMode.Embedded"/>: runs with nothing installed.</value>
    public BridgeMode Mode { get; set; } = BridgeMode.Embedded;

    /// <summary><c>Bridge:RabbitMqUri</c>, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>. Required in production.</summary>
    public string? RabbitMqUri { get; set; }

    /// <summary><c>Bridge:RabbitMq</c>: queue type and cluster nodes.</summary>
    public BridgeRabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary><c>Bridge:PostgresConnectionString</c> (Npgsql syntax). Required in production.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <value>Default 64: MassTransit's 16 leaves the client idle on this hardware (INFRA.md: 16 → ≈6,400 msg/s, 200 → ≈12,000).</value>
    public ushort PrefetchCount { get; set; } = 64;

    /// <value>Default 32 messages in flight per endpoint.</value>
    public int ConcurrentMessageLimit { get; set; } = 32;

    /// <value>Default <c>bridge-scheduler</c>: the queue the Hangfire-backed scheduler consumes.</value>
    public string SchedulerQueueName { get; set; } = "bridge-scheduler";

    /// <value>Default 7 days: inbox rows older than this are deleted (redeliveries later than that are not expected).</value>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <value>Default 1 hour between inbox clean-up runs.</value>
    public TimeSpan InboxCleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <value>
    /// Default 90 days (the audit trail's): a saga that ended (a material request completed, rejected, cancelled, …; a
    /// transfer delivered, failed, …) and has not changed for this long is deleted; its state is no longer shown and a
    /// late message about it is handled as one about an unknown instance.
    /// </value>
    public TimeSpan SagaRetention { get; set; } = TimeSpan.FromDays(90);

    /// <value>Default 1 hour between clean-ups of ended sagas.</value>
    public TimeSpan SagaCleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <value>Default 1 second: how often the inbound outbox relay looks for unsent rows when not signalled.</value>
    public TimeSpan OutboxRelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <value>
    /// Default 1 minute: a message a consumer stored in its outbox and that is still undelivered this long after it was
    /// stored (its delivery failed and the input went to <c>_error</c>, or the process died) is sent by the consumer-outbox
    /// sweeper. Normal delivery takes milliseconds; the grace keeps the sweeper out of its way.
    /// </value>
    public TimeSpan ConsumerOutboxGracePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <value>Default 30 seconds between consumer-outbox sweeps.</value>
    public TimeSpan ConsumerOutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <value>Default 1 second: how often Hangfire looks for due scheduled jobs (Hangfire's own default is 15 s).</value>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
