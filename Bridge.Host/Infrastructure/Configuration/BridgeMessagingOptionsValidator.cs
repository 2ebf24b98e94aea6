using Microsoft.Extensions.Options;

namespace Bridge.Host.Infrastructure.Configuration;

/// <summary>Collects every problem in the <c>Bridge</c> section so the host refuses to start with one clear error.</summary>
internal sealed class BridgeMessagingOptionsValidator : IValidateOptions<BridgeMessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, BridgeMessagingOptions options)
    {
        var failures = new List<string>();
        if (options.Mode == BridgeMode.Production)
        {
            if (string.IsNullOrWhiteSpace(options.RabbitMqUri))
                failures.Add("Bridge:RabbitMqUri is required when Bridge:Mode is Production (e.g. amqp://guest:guest@127.0.0.1:5672/).");
            else if (!Uri.TryCreate(options.RabbitMqUri, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps" && uri.Scheme != "rabbitmq"))
                failures.Add($"Bridge:RabbitMqUri '{options.RabbitMqUri}' is not an amqp:// or amqps:// URI.");

            RabbitMqFailures(options.RabbitMq, failures);

            if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
                failures.Add("Bridge:PostgresConnectionString is required when Bridge:Mode is Production (e.g. Host=127.0.0.1;Username=bridge;Password=...;Database=bridge).");
            else
            {
                try
                {
                    _ = new Npgsql.NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
                }
                catch (ArgumentException e)
                {
                    failures.Add($"Bridge:PostgresConnectionString is not a valid Npgsql connection string: {e.Message}");
                }
            }
        }

        if (options.PrefetchCount == 0)
            failures.Add("Bridge:PrefetchCount must be at least 1.");
        if (options.ConcurrentMessageLimit < 1)
            failures.Add("Bridge:ConcurrentMessageLimit must be at least 1.");
        if (string.IsNullOrWhiteSpace(options.SchedulerQueueName))
            failures.Add("Bridge:SchedulerQueueName must not be empty.");
        if (options.InboxRetention <= TimeSpan.Zero)
            failures.Add("Bridge:InboxRetention must be positive.");
        if (options.InboxCleanupInterval <= TimeSpan.Zero)
            failures.Add("Bridge:InboxCleanupInterval must be positive.");
        if (options.SagaRetention <= TimeSpan.Zero)
            failures.Add("Bridge:SagaRetention must be positive.");
        if (options.SagaCleanupInterval <= TimeSpan.Zero)
            failures.Add("Bridge:SagaCleanupInterval must be positive.");
        if (options.OutboxRelayPollInterval <= TimeSpan.Zero)
            failures.Add("Bridge:OutboxRelayPollInterval must be positive.");
        if (options.ConsumerOutboxGracePeriod < TimeSpan.Zero)
            failures.Add("Bridge:ConsumerOutboxGracePeriod must not be negative.");
        if (options.ConsumerOutboxSweepInterval <= TimeSpan.Zero)
            failures.Add("Bridge:ConsumerOutboxSweepInterval must be positive.");
        if (options.JobPollInterval <= TimeSpan.Zero)
            failures.Add("Bridge:JobPollInterval must be positive.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static void RabbitMqFailures(BridgeRabbitMqOptions options, List<string> failures)
    {
        if (!string.Equals(options.QueueType, BridgeRabbitMqOptions.Classic, StringComparison.OrdinalIgnoreCase) && !options.QuorumQueues)
            failures.Add($"Bridge:RabbitMq:QueueType '{options.QueueType}' is not one of: {BridgeRabbitMqOptions.Classic}, {BridgeRabbitMqOptions.Quorum}.");
        for (var i = 0; i < options.ClusterNodes.Count; i++)
        {
            if (ClusterNode.TryParse(options.ClusterNodes[i]) is null)
                failures.Add($"Bridge:RabbitMq:ClusterNodes:{i} '{options.ClusterNodes[i]}' is not a host or host:port.");
        }
    }
}
