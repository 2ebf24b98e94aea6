using System.Text.Json;
using Bridge.Contracts;
using Bridge.Host.Pipeline.DeadLetters;

namespace Bridge.Host.Processes.MaterialRequests;

/// <summary>
/// A WMS report on a pick order Bridge cannot place (no such pick, or the request already ended) is kept as a dead
/// letter with the reason, where an operator sees it, instead of faulting the saga.
/// </summary>
public sealed class PickReportDeadLetters(IDeadLetterStore store, TimeProvider time, ILogger<PickReportDeadLetters> logger)
{
    public Task AddAsync(CanonicalMessage report, string pickOrderId, string reason, CancellationToken ct) =>
        AddAsync(report, "pickOrderId", pickOrderId, reason, ct);

    /// <summary>Any message of the process Bridge cannot place (an order change for an order it does not know), keyed by what names it.</summary>
    public async Task AddAsync(CanonicalMessage report, string keyName, string key, string reason, CancellationToken ct)
    {
        var letter = new DeadLetter(
            Guid.NewGuid(),
            time.GetUtcNow(),
            report.Source,
            report.GetType().Name,
            null,
            "application/json",
            JsonSerializer.SerializeToUtf8Bytes(report, report.GetType(), JsonSerializerOptions.Web),
            reason,
            new Dictionary<string, string> { [keyName] = key, ["messageId"] = report.MessageId.ToString() });
        await store.AddAsync(letter, ct);
        Log.PickReportDeadLettered(logger, report.GetType().Name, letter.Id, reason);
    }
}
