using Bridge.Host.Domain.Kitting;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Replenishment;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bridge.Host.Operations.StatusPage;

/// <summary>
/// The figures of the status page's KPI panel, computed from Bridge's own data: today's audit trail (messages in and
/// out per system, rates over the last minutes, each system's last outbound result), open dead letters by system and
/// message type, material requests and replenishments by state, the kit status of the newest requests, line-side
/// levels, and the readiness checks (bus, storage, jobs, adapters).
/// </summary>
public sealed class StatusSnapshot(
    SystemsRegistry systems,
    IAuditTrail audit,
    IDeadLetterStore deadLetters,
    SagaCensus<MaterialRequestState> requests,
    SagaCensus<ReplenishmentState> replenishments,
    ILineSideLevels lineSide,
    HealthCheckService health,
    TimeProvider time)
{
    public const int RateMinutes = 5;
    private const int Newest = 500;

    public async Task<object> TakeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = (await audit.ReadDayAsync(DateOnly.FromDateTime(now.UtcDateTime), ct)).Select(r => r.Entry).ToList();
        var letters = await deadLetters.ListAsync(Newest, false, ct);
        var mrs = (await requests.ListAsync(Newest, ct)).Where(r => SagaStates.Settled(r.CurrentState)).ToList();
        var reps = (await replenishments.ListAsync(Newest, ct)).Where(r => SagaStates.Settled(r.CurrentState)).ToList();
        var levels = await lineSide.ListAsync(ct);
        var report = await health.CheckHealthAsync(c => c.Tags.Contains("ready"), ct);
        var recent = now.AddMinutes(-RateMinutes);

        return new
        {
            at = now,
            health = new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            },
            systems = systems.All.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s =>
            {
                var mine = today.Where(e => e.System == s.Id).ToList();
                var lastOut = mine.LastOrDefault(e => e.Direction == "out");
                return new
                {
                    id = s.Id,
                    inbound = s.Inbound.Key,
                    outbound = s.Outbound?.Key,
                    messagesIn = mine.Count(e => e.Direction == "in"),
                    messagesOut = mine.Count(e => e.Direction == "out"),
                    inPerMinute = Rate(mine.Count(e => e.Direction == "in" && e.At >= recent)),
                    outPerMinute = Rate(mine.Count(e => e.Direction == "out" && e.At >= recent)),
                    deadLetters = letters.Count(l => l.System == s.Id),
                    lastOutbound = lastOut is null ? null : new { at = lastOut.At, result = lastOut.Result, reason = lastOut.Reason },
                    state = lastOut?.Result == "failed" ? "failing" : mine.Count == 0 ? "idle" : "ok",
                };
            }),
            deadLetters = new
            {
                open = letters.Count,
                byCause = letters.GroupBy(l => (l.System, l.MessageType)).OrderByDescending(g => g.Count()).Select(g => new
                {
                    system = g.Key.System,
                    messageType = g.Key.MessageType,
                    count = g.Count(),
                    reason = g.First().Reason,
                }),
            },
            materialRequests = new
            {
                total = mrs.Count,
                byState = ByState(mrs.Select(r => r.CurrentState)),
                kitCompletenessRate = mrs.Count(r => r.LastKit.Count > 0) is var checkedKits and > 0
                    ? Math.Round((decimal)mrs.Count(r => r.LastKit.Count > 0 && new KitResult(r.LastKit).Complete) / checkedKits, 4)
                    : (decimal?)null,
            },
            kits = mrs.OrderByDescending(r => r.UpdatedAt).Take(20).Select(r => new
            {
                requestId = r.RequestId,
                orderId = r.OrderId,
                location = r.Location,
                state = r.CurrentState,
                kitRate = r.LastKit.Count == 0 ? (decimal?)null : new KitResult(r.LastKit).KitRate,
                shortages = r.LastKit.Count(l => l.Shortage > 0m),
                updatedAt = r.UpdatedAt,
            }),
            replenishments = new { total = reps.Count, byState = ByState(reps.Select(r => r.CurrentState)) },
            lineSide = levels.OrderBy(l => l.Location, StringComparer.Ordinal).Select(l => new
            {
                location = l.Location,
                quantity = l.Quantity,
                low = l.LowReported,
                lastReadingAt = l.LastReadingAt,
                signals = l.SignalCount,
            }),
        };
    }

    private static decimal Rate(int count) => Math.Round((decimal)count / RateMinutes, 2);

    private static SortedDictionary<string, int> ByState(IEnumerable<string> states) =>
        new(states.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
