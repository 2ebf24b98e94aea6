using Bridge.Adapters.Envelopes;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Mappings;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// One attempt to speak a canonical message to each system that receives it, in that system's dialect, through the
/// adapter the system is reached by (which makes its own in-process retries). A (message, system) pair already
/// delivered is skipped, so an attempt after one system failed never sends again to a system that took the message.
/// Every call carries the same idempotency key (<c>{messageId}-{system}</c>) on every attempt, before and after restarts.
/// </summary>
public sealed class OutboundDispatcher(
    SystemsRegistry systems,
    MappingSetWatcher mappings,
    IServiceProvider services,
    IOutboundDeliveryLog deliveries,
    TimeProvider time,
    ILogger<OutboundDispatcher> logger,
    IAuditTrail? audit = null)
{
    private const int RecordAttempts = 15;

    /// <param name="attempt">0 for the first delivery, n for the n-th re-attempt.</param>
    /// <param name="only">When set, only this system is attempted (an operator replaying its dead letter).</param>
    /// <returns>The systems that did not take the message; empty when every receiver has it.</returns>
    public async Task<IReadOnlyList<OutboundFailure>> DispatchAsync(CanonicalMessage message, int attempt, CancellationToken ct, string? only = null)
    {
        var type = message.GetType().Name;
        var routes = systems.RoutesFor(message);
        if (routes.Count == 0)
        {
            Log.NoReceiver(logger, type, LogText.Escape(message.CorrelationId));
            return [];
        }

        var failures = new List<OutboundFailure>();
        foreach (var system in routes)
        {
            if (only is not null && system.Id != only)
                continue;
            if (await deliveries.WasDeliveredAsync(message.MessageId, system.Id, ct))
                continue;
            OutboundEnvelope? envelope = null;
            OutboundAudit? record = null;
            try
            {
                envelope = Render(message, system);
                var binding = system.Outbound!;
                var sender = services.GetRequiredKeyedService<IEnvelopeSender>(binding.Key);
                record = OutboundAudit.Start(envelope, message, binding.Key, audit, time, attempt, logger);
                await sender.SendAsync(envelope, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures.Add(new OutboundFailure(system, envelope?.ContentType, envelope?.Body.ToArray(), e));
                Log.DeliveryFailed(logger, type, LogText.Escape(message.CorrelationId), system.Id, attempt, LogText.Escape(e.Message));
                if (record is not null)
                    await record.FailedAsync(e);
                continue;
            }

            // The system has it: record that first (the shorter this window, the fewer resends after a crash), then the audit row.
            await RecordDeliveryAsync(message, system.Id, ct);
            Log.Delivered(logger, type, LogText.Escape(message.CorrelationId), system.Id, LogText.Escape(envelope.Address));
            await record.DeliveredAsync(ct);
        }

        return failures;
    }

    /// <summary>
    /// Records that <paramref name="system"/> took the message. The database may be away for a moment (restarting):
    /// trying again here for up to a minute keeps the message from being sent to the system a second time, which an
    /// exception (and the endpoint's redelivery) would do.
    /// </summary>
    private async Task RecordDeliveryAsync(CanonicalMessage message, string system, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await deliveries.MarkDeliveredAsync(message.MessageId, system, time.GetUtcNow(), ct);
                return;
            }
            catch (Exception e) when (attempt < RecordAttempts && e is not OperationCanceledException)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(attempt, 5));
                Log.DeliveryNotRecorded(logger, message.GetType().Name, LogText.Escape(message.CorrelationId), system, attempt, delay, LogText.Escape(e.Message));
                await Task.Delay(delay, time, ct);
            }
        }
    }

    /// <summary>The call <paramref name="system"/> would get for <paramref name="message"/> with the mappings in force now.</summary>
    public OutboundEnvelope Render(CanonicalMessage message, SystemDefinition system)
    {
        var type = message.GetType();
        var mapping = mappings.Current.FindOutbound(system.Id, type).FirstOrDefault()
            ?? throw new InvalidOperationException($"no outbound mapping renders {type.Name} for system '{system.Id}'");
        var rendered = mapping.Render(message);
        var headers = new Dictionary<string, string>(rendered.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["X-Bridge-Message-Id"] = message.MessageId.ToString(),
            ["X-Bridge-Correlation-Id"] = message.CorrelationId,
        };
        var binding = system.Outbound
            ?? throw new InvalidOperationException($"system '{system.Id}' receives {type.Name} but has no send binding in systems.yaml");
        return new OutboundEnvelope(system.Id, rendered.Address, rendered.ContentType, rendered.Body, headers,
            rendered.Properties, binding.Settings, IdempotencyKey(message.MessageId, system.Id));
    }

    /// <summary>What the receiver sees as <c>Idempotency-Key</c>: the same for every attempt of one message to one system.</summary>
    public static string IdempotencyKey(Guid messageId, string system) => $"{messageId:N}-{system}";
}
