using Bridge.Adapters.Hosting;
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
/// message type, each adapter connection's state (MQTT brokers, AMQP, OPC UA devices), material requests and replenishments by state, the kit status of the newest requests, line-side
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
    IEnumerable<IAdapterConnection> connections,
    TimeProvider time)
{
    public const int RateMinutes = 5;
    private const int Newest = 500;
    private const int KpiDays = 7;
    private const string Reserved = "reserved";
    private const string Short = "short";

    public async Task<object> TakeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var recent = now.AddMinutes(-RateMinutes);
        var today = (await audit.SummarizeDayAsync(DateOnly.FromDateTime(now.UtcDateTime), recent, ct)).ToDictionary(d => d.System, StringComparer.Ordinal);
        var letters = await deadLetters.SummarizeAsync(Newest, false, ct);
        var lettersEver = await deadLetters.SummarizeAsync(Newest, true, ct);
        var mrs = (await requests.ListAsync(Newest, ct)).Where(r => SagaStates.Settled(r.CurrentState)).ToList();
        var reps = (await replenishments.ListAsync(Newest, ct)).Where(r => SagaStates.Settled(r.CurrentState)).ToList();
        var levels = await lineSide.ListAsync(ct);
        var report = await health.CheckHealthAsync(c => c.Tags.Contains("ready"), ct);

        return new
        {
            at = now,
            health = new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            },
            connections = connections.OrderBy(c => c.Adapter, StringComparer.Ordinal).ThenBy(c => c.Instance, StringComparer.Ordinal).Select(c =>
            {
                var status = c.Status;
                return new { adapter = c.Adapter, instance = c.Instance, state = status.State, up = status.Up, detail = status.Detail, since = status.Since };
            }),
            systems = systems.All.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s =>
            {
                var mine = today.GetValueOrDefault(s.Id) ?? new AuditSystemDay(s.Id, 0, 0, 0, 0, 0, null);
                var lastOut = mine.LastOutbound;
                return new
                {
                    id = s.Id,
                    inbound = s.Inbound.Key,
                    outbound = s.Outbound?.Key,
                    messagesIn = mine.In,
                    messagesOut = mine.Out,
                    inPerMinute = Rate(mine.InRecent),
                    outPerMinute = Rate(mine.OutRecent),
                    deadLetters = letters.Count(l => l.System == s.Id),
                    lastOutbound = lastOut is null ? null : new { at = lastOut.At, result = lastOut.Result, reason = lastOut.Reason },
                    state = lastOut?.Result == "failed" ? "failing" : mine.Rows == 0 ? "idle" : "ok",
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
                kitCompletenessRate = KitCompleteness(mrs),
            },
            kits = mrs.OrderByDescending(r => r.UpdatedAt).Take(20).Select(r => new
            {
                requestId = r.RequestId,
                orderId = r.OrderId,
                location = r.Location,
                state = r.CurrentState,
                kitRate = r.LastKit.Count > 0 ? new KitResult(r.LastKit).KitRate : r.History.Any(h => h.Step == Reserved) ? 1m : (decimal?)null,
                shortages = r.LastKit.Count(l => l.Shortage > 0m),
                updatedAt = r.UpdatedAt,
            }),
            deadLettersPerDay = lettersEver.Where(l => l.ReceivedAt >= now.AddDays(-KpiDays))
                .GroupBy(l => (l.System, Day: DateOnly.FromDateTime(l.ReceivedAt.UtcDateTime)))
                .OrderByDescending(g => g.Key.Day).ThenBy(g => g.Key.System, StringComparer.Ordinal)
                .Select(g => new { system = g.Key.System, day = g.Key.Day, count = g.Count() }),
            onTimeDelivery = OnTime(mrs),
            replenishments = new { total = reps.Count, byState = ByState(reps.Select(r => r.CurrentState)), leadTime = LeadTime(reps) },
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

    /// <summary>
    /// Of the requests whose kit was checked, the share found complete at the first check (reserved at once, never
    /// short) — the kit-completeness rate the requirement documents ask for.
    /// </summary>
    private static decimal? KitCompleteness(IReadOnlyCollection<MaterialRequestState> requests)
    {
        var first = requests.Select(r => r.History.FirstOrDefault(h => h.Step is Reserved or Short)?.Step).OfType<string>().ToList();
        return first.Count == 0 ? null : Math.Round((decimal)first.Count(s => s == Reserved) / first.Count, 4);
    }

    /// <summary>Completed requests that said when the line needs the material: delivered (completed) by then, or late.</summary>
    private static object OnTime(IEnumerable<MaterialRequestState> requests)
    {
        var due = requests.Where(r => r.CurrentState == nameof(MaterialRequestStateMachine.Completed) && r.NeededBy is not null).ToList();
        var onTime = due.Count(r => r.UpdatedAt <= r.NeededBy);
        return new { delivered = due.Count, onTime, late = due.Count - onTime, rate = due.Count == 0 ? (decimal?)null : Math.Round((decimal)onTime / due.Count, 4) };
    }

    /// <summary>From each replenishment request to its fulfilment (the journal's <c>requested</c> and <c>fulfilled</c> steps).</summary>
    private static object LeadTime(IEnumerable<ReplenishmentState> locations)
    {
        var cycles = new List<TimeSpan>();
        foreach (var location in locations)
        {
            DateTimeOffset? requested = null;
            foreach (var step in location.History)
            {
                if (step.Step == "requested")
                    requested = step.At;
                else if (step.Step == "fulfilled" && requested is { } at)
                {
                    cycles.Add(step.At - at);
                    requested = null;
                }
            }
        }

        cycles.Sort();
        return new
        {
            cycles = cycles.Count,
            medianMinutes = cycles.Count == 0 ? (double?)null : Math.Round(cycles[cycles.Count / 2].TotalMinutes, 1),
            longestMinutes = cycles.Count == 0 ? (double?)null : Math.Round(cycles[^1].TotalMinutes, 1),
        };
    }

    private static decimal Rate(long count) => Math.Round((decimal)count / RateMinutes, 2);

    private static SortedDictionary<string, int> ByState(IEnumerable<string> states) =>
        new(states.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
