using Bridge.Adapters.Envelopes;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Mappings;
using MassTransit;
using Bridge.Host.Infrastructure.Logging;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// Speaks a canonical message back to each system that receives it, in that system's dialect (outbound mapping),
/// through the adapter the system is reached by. A failure after the adapter's in-process retries throws, so
/// MassTransit's redelivery and then its error queue keep the message.
/// </summary>
public sealed class OutboundDispatchConsumer<T>(
    SystemsRegistry systems,
    MappingSetWatcher mappings,
    IServiceProvider services,
    ILogger<OutboundDispatchConsumer<T>> logger,
    IAuditTrail? audit = null,
    TimeProvider? time = null) : IConsumer<T>
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

        foreach (var system in routes)
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
            var envelope = new OutboundEnvelope(system.Id, rendered.Address, rendered.ContentType, rendered.Body, headers,
                rendered.Properties, binding.Settings, $"{message.MessageId:N}-{system.Id}");
            var sender = services.GetRequiredKeyedService<IEnvelopeSender>(binding.Key);
            await OutboundAudit.SendAsync(sender, envelope, message, binding.Key, audit, time, context.GetRetryAttempt(), context.CancellationToken);
            Log.Delivered(logger, typeof(T).Name, LogText.Escape(message.CorrelationId), system.Id, LogText.Escape(rendered.Address));
        }
    }
}
