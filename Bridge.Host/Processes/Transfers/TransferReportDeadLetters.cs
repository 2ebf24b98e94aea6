using System.Text.Json;
using Bridge.Contracts.Messages;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Pipeline.DeadLetters;

namespace Bridge.Host.Processes.Transfers;

/// <summary>A TMS status Bridge cannot place (no such transfer order, or a status word it does not know) is kept as a dead letter with the reason.</summary>
public sealed class TransferReportDeadLetters(IDeadLetterStore store, TimeProvider time, ILogger<TransferReportDeadLetters> logger)
{
    public async Task AddAsync(TransportStatusChanged report, string reason, CancellationToken ct)
    {
        var letter = new DeadLetter(
            Guid.NewGuid(),
            time.GetUtcNow(),
            report.Source,
            nameof(TransportStatusChanged),
            null,
            "application/json",
            JsonSerializer.SerializeToUtf8Bytes(report, JsonSerializerOptions.Web),
            reason,
            new Dictionary<string, string> { ["transferOrderId"] = report.TransferOrderId, ["messageId"] = report.MessageId.ToString() });
        await store.AddAsync(letter, ct);
        Log.TransportStatusDeadLettered(logger, letter.Id, LogText.Escape(reason));
    }
}
