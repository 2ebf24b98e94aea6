using System.Net.Mime;
using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.Logging;

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>The Hangfire job: sends the stored body to its destination with the scheduling token header.</summary>
public sealed class ScheduledMessageJob(IBus bus, ScheduledJobTokens tokens, ILogger<ScheduledMessageJob> logger)
{
    public async Task SendAsync(ScheduledMessageData data, CancellationToken cancellationToken)
    {
        await ForwardAsync(bus, data, cancellationToken).ConfigureAwait(false);
        if (Guid.TryParse(data.TokenId, out var tokenId))
            tokens.Forget(tokenId);
        Log.Fired(logger, data.TokenId, new Uri(data.DestinationAddress));
    }

    /// <summary>Sends the stored body to its destination with the scheduling token header (a Hangfire job or a stored schedule).</summary>
    internal static async Task ForwardAsync(IBus bus, ScheduledMessageData data, CancellationToken cancellationToken)
    {
        var destination = new Uri(data.DestinationAddress);
        var endpoint = await bus.GetSendEndpoint(destination).ConfigureAwait(false);
        await endpoint.Send(new SerializedMessageBody(), Pipe.Execute<SendContext>(context => Forward(context, data, destination)), cancellationToken)
            .ConfigureAwait(false);
    }

    static void Forward(SendContext context, ScheduledMessageData data, Uri destination)
    {
        var contentType = string.IsNullOrWhiteSpace(data.ContentType) ? null : new ContentType(data.ContentType);
        var deserializer = context.Serialization.GetMessageDeserializer(contentType);

        var headers = new DictionarySendHeaders();
        if (data.HeadersJson is not null)
        {
            var stored = JsonSerializer.Deserialize<List<KeyValuePair<string, object>>>(data.HeadersJson, SystemTextJsonMessageSerializer.Options) ?? [];
            foreach (var header in stored)
                headers.Set(header.Key, header.Value);
        }

        if (Guid.TryParse(data.TokenId, out var tokenId))
            headers.Set(MessageHeaders.SchedulingTokenId, tokenId);

        var serializerContext = deserializer.Deserialize(deserializer.GetMessageBody(data.Body), headers, destination);

        context.MessageId = ParseGuid(data.MessageId);
        context.CorrelationId = ParseGuid(data.CorrelationId);
        context.ConversationId = ParseGuid(data.ConversationId);
        context.InitiatorId = ParseGuid(data.InitiatorId);
        context.RequestId = ParseGuid(data.RequestId);
        context.SourceAddress = ParseUri(data.SourceAddress);
        context.ResponseAddress = ParseUri(data.ResponseAddress);
        context.FaultAddress = ParseUri(data.FaultAddress);
        foreach (var header in headers.GetAll())
            context.Headers.Set(header.Key, header.Value);
        context.Serializer = serializerContext.GetMessageSerializer();
    }

    static Guid? ParseGuid(string? text) => Guid.TryParse(text, out var value) ? value : null;

    static Uri? ParseUri(string? text) => string.IsNullOrWhiteSpace(text) ? null : new Uri(text);
}
