using System.Text.Json;
using Hangfire;
using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using MassTransit.Serialization;
using Microsoft.Extensions.Logging;

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>
/// MassTransit's message scheduler, backed by Hangfire: turns <see cref="ScheduleMessage"/> into a Hangfire job due at the
/// scheduled time and <see cref="CancelScheduledMessage"/> into deleting that job. A saga's <c>Schedule</c>/<c>Unschedule</c>
/// reach it as ordinary sends to the scheduler queue, so inside a consumer they ride the transactional outbox.
/// </summary>
public sealed class HangfireScheduleMessageConsumer(IBackgroundJobClient jobs, ScheduledJobTokens tokens, ILogger<HangfireScheduleMessageConsumer> logger)
    : IConsumer<ScheduleMessage>, IConsumer<CancelScheduledMessage>
{
    /// <summary>Messages consumed at once on the scheduler queue (each blocks a thread in Hangfire's synchronous storage calls).</summary>
    public const int ConcurrentMessageLimit = 4;

    public Task Consume(ConsumeContext<ScheduleMessage> context)
    {
        var message = context.Message;
        var tokenId = message.CorrelationId;
        var (previous, cancelled) = tokens.Find(tokenId);
        if (cancelled)
        {
            Log.ScheduleAlreadyCancelled(logger, tokenId);
            return Task.CompletedTask;
        }

        var body = context.SerializerContext.GetMessageSerializer(message.Payload, message.PayloadType)
            .GetMessageBody(new MessageSendContext<ScheduleMessage>(message, context.CancellationToken));

        var headers = context.Headers.GetAll().ToList();
        var data = new ScheduledMessageData
        {
            DestinationAddress = message.Destination.ToString(),
            ContentType = context.ReceiveContext.ContentType?.ToString(),
            Body = body.GetString(),
            TokenId = tokenId.ToString(),
            MessageId = context.MessageId?.ToString(),
            CorrelationId = context.CorrelationId?.ToString(),
            ConversationId = context.ConversationId?.ToString(),
            InitiatorId = context.InitiatorId?.ToString(),
            RequestId = context.RequestId?.ToString(),
            SourceAddress = context.SourceAddress?.ToString(),
            ResponseAddress = context.ResponseAddress?.ToString(),
            FaultAddress = context.FaultAddress?.ToString(),
            HeadersJson = headers.Count == 0 ? null : JsonSerializer.Serialize(headers, SystemTextJsonMessageSerializer.Options),
        };

        // Rescheduling a token replaces its job (a redelivered ScheduleMessage therefore never leaves two jobs).
        if (previous is not null)
            jobs.Delete(previous);

        var due = RoundUpToSecond(new DateTimeOffset(DateTime.SpecifyKind(message.ScheduledTime, DateTimeKind.Utc)));
        var jobId = jobs.Schedule<ScheduledMessageJob>(job => job.SendAsync(data, CancellationToken.None), due);
        tokens.Remember(tokenId, jobId);
        Log.Scheduled(logger, tokenId, jobId, message.Destination, due);
        return Task.CompletedTask;
    }

    // Hangfire keeps due times in whole seconds (truncated); rounding up means a timeout never fires early.
    static DateTimeOffset RoundUpToSecond(DateTimeOffset due)
    {
        var remainder = due.Ticks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? due : due.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }

    public Task Consume(ConsumeContext<CancelScheduledMessage> context)
    {
        var tokenId = context.Message.TokenId;
        var jobId = tokens.FindJobId(tokenId);
        if (jobId is null)
        {
            Log.CancelUnknownToken(logger, tokenId);
            tokens.MarkCancelled(tokenId);
            return Task.CompletedTask;
        }

        jobs.Delete(jobId);
        tokens.Forget(tokenId);
        Log.Cancelled(logger, tokenId, jobId);
        return Task.CompletedTask;
    }
}
