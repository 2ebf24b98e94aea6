using Bridge.Adapters.Envelopes;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Mappings;
using MassTransit;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// Speaks a canonical message back to each system that receives it, in that system's dialect (outbound mapping),
/// through the adapter the system is reached by. Runs outside any database transaction (its endpoint has no outbox).
/// Each (message, system) pair is delivered independently: a pair already delivered is skipped, so a retry after one
/// system failed never sends again to a system that took the message.
/// Every call carries the same idempotency key (<c>{messageId}-{system}</c>) on every attempt, before and after restarts.
/// </summary>
public sealed class OutboundDispatchConsumer<T>(
    SystemsRegistry systems,
    MappingSetWatcher mappings,
    IServiceProvider services,
    IOutboundDeliveryLog deliveries,
    TimeProvider time,
    ILogger<OutboundDispatchConsumer<T>> logger,
    IAuditTrail? audit = null) : IConsumer<T>
    where T : CanonicalMessage
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var message = context.Message;
        var routes = systems.RoutesFor(message);
        if (routes.Count == 0)
        {
            Log.NoReceiver(logger, typeof(T).Name, LogText.Escape(message.CorrelationId));
            return;
        }

        var failures = new List<(SystemDefinition System, Exception Error)>();
        foreach (var system in routes)
        {
            if (await deliveries.WasDeliveredAsync(message.MessageId, system.Id, context.CancellationToken))
                continue;
            OutboundEnvelope envelope;
            try
            {
                envelope = Render(message, system);
                var binding = system.Outbound!;
                var sender = services.GetRequiredKeyedService<IEnvelopeSender>(binding.Key);
                await OutboundAudit.SendAsync(sender, envelope, message, binding.Key, audit, time, context.GetRetryAttempt(), context.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                failures.Add((system, e));
                Log.DeliveryFailed(logger, typeof(T).Name, LogText.Escape(message.CorrelationId), system.Id, context.GetRetryAttempt(), LogText.Escape(e.Message));
                continue;
            }

            await deliveries.MarkDeliveredAsync(message.MessageId, system.Id, time.GetUtcNow(), context.CancellationToken);
            Log.Delivered(logger, typeof(T).Name, LogText.Escape(message.CorrelationId), system.Id, LogText.Escape(envelope.Address));
        }

        if (failures.Count == 0)
            return;
        // The pairs that failed are tried again by the endpoint's retry and then kept in its _error queue; the pairs
        // that were delivered are skipped on every later attempt.
        throw new OutboundDeliveryException(
            $"{typeof(T).Name} {message.MessageId} not delivered to {string.Join(", ", failures.Select(f => f.System.Id))}: {failures[0].Error.Message}",
            failures[0].Error);
    }

    private OutboundEnvelope Render(T message, SystemDefinition system)
    {
        var mapping = mappings.Current.FindOutbound(system.Id, typeof(T)).FirstOrDefault()
            ?? throw new InvalidOperationException($"no outbound mapping renders {typeof(T).Name} for system '{system.Id}'");
        var rendered = mapping.Render(message);
        var headers = new Dictionary<string, string>(rendered.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["X-Bridge-Message-Id"] = message.MessageId.ToString(),
            ["X-Bridge-Correlation-Id"] = message.CorrelationId,
        };
        var binding = system.Outbound
            ?? throw new InvalidOperationException($"system '{system.Id}' receives {typeof(T).Name} but has no send binding in systems.yaml");
        return new OutboundEnvelope(system.Id, rendered.Address, rendered.ContentType, rendered.Body, headers,
            rendered.Properties, binding.Settings, IdempotencyKey(message.MessageId, system.Id));
    }

    /// <summary>What the receiver sees as <c>Idempotency-Key</c>: the same for every attempt of one message to one system.</summary>
    public static string IdempotencyKey(Guid messageId, string system) => $"{messageId:N}-{system}";
}
