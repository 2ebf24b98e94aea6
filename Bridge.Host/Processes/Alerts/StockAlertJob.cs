using Bridge.Contracts.Messages;
using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Infrastructure.Scheduling;
using MassTransit;

namespace Bridge.Host.Processes.Alerts;

/// <summary>
/// The recurring stock alert check: evaluates <see cref="StockAlertRules"/> on the stock view and raises
/// <see cref="StockAlertRaised"/> for each condition that began since the last run — once; a condition that holds on
/// the next run is not raised again, one that cleared is forgotten until it comes back. The message id is derived from
/// the condition and how often it began, so a run that published but could not record it publishes the same message
/// again next time, which outbound delivery skips.
/// </summary>
public sealed class StockAlertJob(
    IStockView stock,
    IStockAlertStore marks,
    StockAlertSettings settings,
    IPublishEndpoint publisher,
    IUnitConverter units,
    TimeProvider time,
    ILogger<StockAlertJob> logger) : IRecurringJob
{
    public const string JobId = "bridge-stock-alerts";

    public async Task RunAsync(CancellationToken ct) => await CheckAsync(ct);

    public async Task<StockAlertRun> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var conditions = StockAlertRules.Evaluate(await stock.ListAsync(null, ct), settings, now, units);
        var known = (await marks.ListAsync(ct)).ToDictionary(m => m.Key, StringComparer.Ordinal);
        var raised = new List<string>();
        foreach (var condition in conditions.Where(c => known.GetValueOrDefault(c.Key) is not { Active: true }))
        {
            var occurrence = (known.GetValueOrDefault(condition.Key)?.Occurrences ?? 0) + 1;
            await publisher.Publish(Alert(condition, occurrence, now), ct);
            await marks.MarkRaisedAsync(condition.Key, occurrence, now, ct);
            raised.Add(condition.Key);
            Log.StockAlertRaised(logger, LogText.Escape(condition.Detail));
        }

        var holding = conditions.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var cleared = known.Values.Where(m => m.Active && !holding.Contains(m.Key)).Select(m => m.Key).ToList();
        foreach (var key in cleared)
        {
            await marks.MarkClearedAsync(key, now, ct);
        }

        Log.StockAlertsChecked(logger, conditions.Count, raised.Count, cleared.Count);
        return new StockAlertRun(conditions.Count, raised, cleared);
    }

    private static StockAlertRaised Alert(StockCondition condition, int occurrence, DateTimeOffset now) => new()
    {
        MessageId = NameBasedId.Create($"bridge:stock-alert:{condition.Key}:{occurrence}"),
        CorrelationId = condition.Key,
        Source = ProcessSource.Bridge,
        OccurredAt = now,
        AlertKey = condition.Key,
        Kind = condition.Kind,
        Warehouse = condition.Warehouse,
        Material = condition.Material,
        Lot = condition.Lot,
        Quantity = condition.Quantity,
        Unit = condition.Unit,
        Threshold = condition.Threshold,
        ExpiresOn = condition.ExpiresOn,
        IdleSince = condition.IdleSince,
        Detail = condition.Detail,
    };
}
