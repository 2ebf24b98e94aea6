using System.Text.Json;
using Bridge.Adapters.Envelopes;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Pipeline.DeadLetters;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// Replays an outbound dead letter: the canonical message it carries is sent again to that one system (rendered with
/// the mapping in force now, same idempotency key). Other systems that took the message are not sent it again.
/// </summary>
public sealed class OutboundDeadLetterReplay(OutboundDispatcher dispatcher, SystemsRegistry systems, IDeadLetterStore store, TimeProvider time)
{
    public static bool IsOutbound(DeadLetter letter) =>
        letter.Metadata.TryGetValue(OutboundRetrySchedule.DirectionKey, out var direction) && direction == OutboundRetrySchedule.Outbound;

    /// <returns>null when delivered (the letter is marked replayed), otherwise the reason it still failed.</returns>
    public async Task<string?> ReplayAsync(DeadLetter letter, CancellationToken ct)
    {
        if (CarriedMessage(letter) is not { } message)
            return $"dead letter {letter.Id} carries no outbound canonical message";

        var failures = await dispatcher.DispatchAsync(message, attempt: 0, ct, only: letter.System);
        if (failures.Count > 0)
            return failures[0].Error.Message;
        await store.MarkReplayedAsync(letter.Id, time.GetUtcNow(), ct);
        return null;
    }

    /// <summary>The call a replay would make now (rendered with today's mapping), without sending it.</summary>
    /// <exception cref="InvalidOperationException">The letter carries no message, or the system or its mapping is gone.</exception>
    public OutboundEnvelope Render(DeadLetter letter) =>
        CarriedMessage(letter) is not { } message ? throw new InvalidOperationException($"dead letter {letter.Id} carries no outbound canonical message")
        : systems.Find(letter.System) is not { } system ? throw new InvalidOperationException($"system '{letter.System}' is no longer in systems.yaml")
        : dispatcher.Render(message, system);

    private static CanonicalMessage? CarriedMessage(DeadLetter letter) =>
        IsOutbound(letter)
        && letter.Metadata.TryGetValue(OutboundRetrySchedule.CanonicalTypeKey, out var typeName)
        && letter.Metadata.TryGetValue(OutboundRetrySchedule.CanonicalKey, out var body)
        && InboundMessageSerializer.ResolveType(typeName) is { } type
            ? JsonSerializer.Deserialize(body, type, InboundMessageSerializer.Options) as CanonicalMessage
            : null;
}
