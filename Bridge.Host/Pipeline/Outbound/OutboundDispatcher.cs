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

    /// <summary>
    /// How long one host's call to a system holds the (message, system) pair: longer than an adapter's attempts with
    /// their retries take, shorter than the second step of the durable retry schedule. A host killed mid-call leaves its
    /// claim to run out; the next scheduled attempt then calls again with the same idempotency key.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(3);

    /// <summary>How long a call under way may still take once its consumer is cancelled (the broker went away, the host stops).</summary>
    public static readonly TimeSpan CallGrace = TimeSpan.FromSeconds(30);

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
            var now = time.GetUtcNow();
            var claim = await deliveries.ClaimAsync(message.MessageId, system.Id, now, now + ClaimLease, ct);
            if (claim == DeliveryClaim.Delivered)
                continue;
            if (claim == DeliveryClaim.ClaimedElsewhere)
            {
                // Redelivered to this host while another host's call is still under way (a broker node lost, a channel cut):
                // calling too would send the system a second copy. The retry schedule looks again later.
                Log.DeliveryClaimedElsewhere(logger, type, LogText.Escape(message.CorrelationId), system.Id);
                failures.Add(new OutboundFailure(system, null, null, new OutboundDeliveryException(
                    $"another host is sending {type} {message.MessageId} to '{system.Id}' (its claim runs until {now + ClaimLease:O} at the latest)")));
                continue;
            }

            OutboundEnvelope? envelope = null;
            OutboundAudit? record = null;
            try
            {
                envelope = Render(message, system);
                var binding = system.Outbound!;
                var sender = services.GetRequiredKeyedService<IEnvelopeSender>(binding.Key);
                record = OutboundAudit.Start(envelope, message, binding.Key, audit, time, attempt, logger);
                // Not cancelled with the consumer at once (the broker going away cancels it): a call the system may already
                // have taken is given CallGrace to finish and be recorded, or a redelivery would find it neither done nor
                // failed and send it again.
                using var call = new CancellationTokenSource();
                await using (ct.Register(() => call.CancelAfter(CallGrace)))
                    await sender.SendAsync(envelope, call.Token);
            }
            catch (Exception e)
            {
                failures.Add(new OutboundFailure(system, envelope?.ContentType, envelope?.Body.ToArray(), e));
                Log.DeliveryFailed(logger, type, LogText.Escape(message.CorrelationId), system.Id, attempt, LogText.Escape(e.Message));
                if (record is not null)
                    await record.FailedAsync(e);
                await ReleaseClaimAsync(message, system.Id);
                continue;
            }

            // The system has it: record that first (the shorter this window, the fewer resends after a crash), then the audit row.
            await RecordDeliveryAsync(message, system.Id, CancellationToken.None);
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

    /// <summary>A claim that cannot be given up (database away) runs out by itself: only the next attempt waits longer.</summary>
    private async Task ReleaseClaimAsync(CanonicalMessage message, string system)
    {
        try
        {
            await deliveries.ReleaseClaimAsync(message.MessageId, system, CancellationToken.None);
        }
        catch (Exception e)
        {
            Log.ClaimNotReleased(logger, message.GetType().Name, LogText.Escape(message.CorrelationId), system, LogText.Escape(e.Message));
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
