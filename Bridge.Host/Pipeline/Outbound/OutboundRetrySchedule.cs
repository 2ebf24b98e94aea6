using System.Text;
using System.Text.Json;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Pipeline.DeadLetters;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// What happens after an attempt left systems without their copy: the next re-attempt is put on the durable Hangfire
/// schedule (it re-attempts only the pairs not yet delivered), or, when the schedule is spent, each system that never
/// took the message gets one dead letter: system, message type, the body rendered for it, the reason.
/// </summary>
public sealed class OutboundRetrySchedule(
    IOptions<OutboundRetryOptions> options,
    IDeadLetterStore deadLetters,
    TimeProvider time,
    ILogger<OutboundRetrySchedule> logger,
    IBackgroundJobClient? jobs = null)
{
    public const string DirectionKey = "direction";
    public const string Outbound = "outbound";
    public const string CanonicalTypeKey = "canonicalType";
    public const string CanonicalKey = "canonical";

    public async Task AfterFailedAttemptAsync(CanonicalMessage message, IReadOnlyList<OutboundFailure> failures, int completedAttempt, CancellationToken ct)
    {
        var delays = options.Value.Delays;
        var type = message.GetType().Name;
        if (completedAttempt < delays.Count)
        {
            // A host without Hangfire (MassTransit's test harness) leaves the failure to the endpoint's retry and _error queue.
            if (jobs is null)
                throw new OutboundDeliveryException($"{type} {message.MessageId} not delivered to {string.Join(", ", failures.Select(f => f.System.Id))}: {failures[0].Error.Message}", failures[0].Error);
            var typeName = InboundMessageSerializer.TypeName(message.GetType());
            var body = JsonSerializer.Serialize(message, message.GetType(), InboundMessageSerializer.Options);
            var next = completedAttempt + 1;
            var delay = delays[completedAttempt];
            jobs.Schedule<OutboundRetryJob>(j => j.RunAsync(typeName, body, next, CancellationToken.None), delay);
            Log.RetryScheduled(logger, type, LogText.Escape(message.CorrelationId), string.Join(", ", failures.Select(f => f.System.Id)), next, delay);
            return;
        }

        var canonical = JsonSerializer.Serialize(message, message.GetType(), InboundMessageSerializer.Options);
        foreach (var failure in failures)
        {
            var reason = $"{type} {message.MessageId} not delivered to '{failure.System.Id}' after {completedAttempt + 1} attempts: {failure.Error.Message}";
            await deadLetters.AddAsync(new DeadLetter(
                Guid.NewGuid(), time.GetUtcNow(), failure.System.Id, type, null,
                failure.ContentType ?? "application/json",
                failure.RenderedBody ?? Encoding.UTF8.GetBytes(canonical),
                reason,
                new Dictionary<string, string>
                {
                    [DirectionKey] = Outbound,
                    ["messageId"] = message.MessageId.ToString(),
                    ["correlationId"] = message.CorrelationId,
                    ["attempts"] = (completedAttempt + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [CanonicalTypeKey] = InboundMessageSerializer.TypeName(message.GetType()),
                    [CanonicalKey] = canonical,
                }), ct);
            Log.DeadLettered(logger, type, LogText.Escape(message.CorrelationId), failure.System.Id, LogText.Escape(reason));
        }
    }
}
