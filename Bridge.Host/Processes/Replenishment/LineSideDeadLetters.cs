using System.Text.Json;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Pipeline.DeadLetters;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>A signal Bridge cannot place on a line-side location is kept as a dead letter with the reason, never dropped.</summary>
public sealed class LineSideDeadLetters(IDeadLetterStore store, TimeProvider time, ILogger<LineSideDeadLetters> logger)
{
    public async Task AddAsync(CanonicalMessage signal, string location, string reason, CancellationToken ct)
    {
        var letter = new DeadLetter(
            Guid.NewGuid(),
            time.GetUtcNow(),
            signal.Source,
            signal.GetType().Name,
            null,
            "application/json",
            JsonSerializer.SerializeToUtf8Bytes(signal, signal.GetType(), JsonSerializerOptions.Web),
            reason,
            new Dictionary<string, string> { ["location"] = location, ["messageId"] = signal.MessageId.ToString() });
        await store.AddAsync(letter, ct);
        Log.SignalDeadLettered(logger, signal.GetType().Name, signal.MessageId, letter.Id, LogText.Escape(reason));
    }

    /// <summary>A delivery on the signal queue that is no readable signal at all: kept byte for byte with the reason.</summary>
    public async Task AddUnreadableAsync(byte[] body, string reason, CancellationToken ct)
    {
        var letter = new DeadLetter(Guid.NewGuid(), time.GetUtcNow(), "bus", "line-side signal", null, "application/vnd.masstransit+json", body, reason,
            new Dictionary<string, string> { ["queue"] = LineSideSignalQueue.Name });
        await store.AddAsync(letter, ct);
        Log.UnreadableSignalDeadLettered(logger, letter.Id, LogText.Escape(reason));
    }
}
