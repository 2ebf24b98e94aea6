using System.Text.Json;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Messaging;
using Hangfire;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// The Hangfire job of one scheduled re-attempt: the message travels in the job (type name and JSON), so a host that
/// starts after a restart completes what the last one scheduled. Pairs delivered meanwhile are skipped.
/// </summary>
public sealed class OutboundRetryJob(OutboundDispatcher dispatcher, OutboundRetrySchedule schedule)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(string typeName, string body, int attempt, CancellationToken ct)
    {
        var type = InboundMessageSerializer.ResolveType(typeName)
            ?? throw new InvalidOperationException($"outbound retry of unknown message type '{typeName}'");
        var message = (CanonicalMessage)(JsonSerializer.Deserialize(body, type, InboundMessageSerializer.Options)
            ?? throw new InvalidOperationException($"outbound retry of an empty {typeName}"));
        var failures = await dispatcher.DispatchAsync(message, attempt, ct);
        if (failures.Count > 0)
            await schedule.AfterFailedAttemptAsync(message, failures, attempt, ct);
    }
}
