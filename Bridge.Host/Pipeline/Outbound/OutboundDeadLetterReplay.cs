using System.Text.Json;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Pipeline.DeadLetters;

namespace Bridge.Host.Pipeline.Outbound;

/// <summary>
/// Replays an outbound dead letter: the canonical message it carries is sent again to that one system (rendered with
/// the mapping in force now, same idempotency key). Other systems that took the message are not sent it again.
/// </summary>
public sealed class OutboundDeadLetterReplay(OutboundDispatcher dispatcher, IDeadLetterStore store, TimeProvider time)
{
    public static bool IsOutbound(DeadLetter letter) =>
        letter.Metadata.TryGetValue(OutboundRetrySchedule.DirectionKey, out var direction) && direction == OutboundRetrySchedule.Outbound;

    /// <returns>null when delivered (the letter is marked replayed), otherwise the reason it still failed.</returns>
    public async Task<string?> ReplayAsync(DeadLetter letter, CancellationToken ct)
    {
        if (!IsOutbound(letter)
            || !letter.Metadata.TryGetValue(OutboundRetrySchedule.CanonicalTypeKey, out var typeName)
            || !letter.Metadata.TryGetValue(OutboundRetrySchedule.CanonicalKey, out var body)
            || InboundMessageSerializer.ResolveType(typeName) is not { } type
            || JsonSerializer.Deserialize(body, type, InboundMessageSerializer.Options) is not CanonicalMessage message)
            return $"dead letter {letter.Id} carries no outbound canonical message";

        var failures = await dispatcher.DispatchAsync(message, attempt: 0, ct, only: letter.System);
        if (failures.Count > 0)
            return failures[0].Error.Message;
        await store.MarkReplayedAsync(letter.Id, time.GetUtcNow(), ct);
        return null;
    }
}
