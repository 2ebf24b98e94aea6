namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>How Bridge runs its bus and storage.</summary>
public enum BridgeMode
{
    /// <summary>Nothing installed: in-memory transport, in-memory saga repository, Hangfire.InMemory.</summary>
    Embedded,

    /// <summary>RabbitMQ transport, PostgreSQL for saga state, outbox/inbox and Hangfire.</summary>
    Production,
}
