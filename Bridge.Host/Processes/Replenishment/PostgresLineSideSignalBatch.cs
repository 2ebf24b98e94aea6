using System.Diagnostics;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Infrastructure.Storage;
using Npgsql;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>
/// Production: one transaction per batch on the scope's <see cref="PostgresUnitOfWork"/>: the batch's message ids go into
/// <c>bridge_inbox</c> in one statement (those already there are skipped: a redelivery after a crash changes nothing),
/// the levels change (one lock and one write per location), the notices for the saga are stored in
/// <c>line_side_notices</c>; commit. Only then are the notices published and their rows removed; a crash in between
/// leaves rows that <see cref="LineSideNoticeRelay"/> publishes. The batch's messages are acknowledged after this returns.
/// </summary>
public sealed class PostgresLineSideSignalBatch(PostgresUnitOfWork unitOfWork, ILineSideLevels levels, LineSideNoticeOutbox outbox, TimeProvider time)
    : ILineSideSignalBatch
{
    /// <summary>The inbox rows of line-side signals: a fixed endpoint and consumer, so a queue rename cannot defeat the dedup.</summary>
    public const string InboxEndpoint = "line-side-signals";

    public static readonly Guid InboxConsumer = new("6c1f5e0a-3b7d-4f52-9a41-0d8e2c7b5a11");

    private const string ClaimSql = """
        insert into bridge_inbox (endpoint_name, consumer_id, message_id, consumer_type, received_at, receive_count, consumed_at, delivered_at)
        select @endpoint, @consumer, id, 'LineSideSignalBatchConsumer', @now, 1, @now, @now from unnest(@ids) as ids(id)
        on conflict (endpoint_name, consumer_id, message_id) do nothing
        returning message_id
        """;

    public async Task<IReadOnlyList<LevelChange?>> ApplyAsync(IReadOnlyList<LocatedSignal> signals, Func<LineSideNotice, Task> publish, CancellationToken ct)
    {
        var changes = new LevelChange?[signals.Count];
        var notices = new List<LineSideNotice>();
        await unitOfWork.BeginAsync(ct);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var fresh = await ClaimAsync(signals, ct);
            started = LineSideStageMetrics.Stage(LineSideStageMetrics.Claim, started);
            // A message id counts once, also when the broker delivered it twice within this batch.
            var positions = new List<int>(signals.Count);
            for (var i = 0; i < signals.Count; i++)
            {
                if (fresh.Remove(signals[i].Signal.MessageId))
                    positions.Add(i);
            }

            var applied = positions.Select(i => signals[i]).ToList();
            var appliedChanges = await levels.ApplyBatchAsync(applied, ct);
            for (var j = 0; j < positions.Count; j++)
            {
                changes[positions[j]] = appliedChanges[j];
                if (LineSideNotice.For(applied[j], appliedChanges[j], null) is { } notice)
                    notices.Add(notice);
            }

            started = Stopwatch.GetTimestamp();
            await outbox.AddAsync(notices, ct);
            started = LineSideStageMetrics.Stage(LineSideStageMetrics.Notices, started);
            await unitOfWork.CommitAsync(ct);
            LineSideStageMetrics.Stage(LineSideStageMetrics.Commit, started);
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            throw;
        }

        if (notices.Count > 0)
        {
            var started = Stopwatch.GetTimestamp();
            // Each publish waits for the broker's confirm: locations at once, one location's notices in their order.
            await Task.WhenAll(notices.GroupBy(n => n.Location, StringComparer.Ordinal).Select(async location =>
            {
                foreach (var notice in location)
                    await publish(notice);
            }));
            await outbox.RemoveAsync(notices.Select(n => n.MessageId).ToArray(), ct);
            LineSideStageMetrics.Stage(LineSideStageMetrics.Publish, started);
        }

        LineSideStageMetrics.Batch(signals.Count);
        return changes;
    }

    private async Task<HashSet<Guid>> ClaimAsync(IReadOnlyList<LocatedSignal> signals, CancellationToken ct)
    {
        var connection = await unitOfWork.GetConnectionAsync(ct);
        await using var command = unitOfWork.CreateCommand(connection, ClaimSql);
        command.Parameters.AddWithValue("endpoint", InboxEndpoint);
        command.Parameters.AddWithValue("consumer", InboxConsumer);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        command.Parameters.AddWithValue("ids", signals.Select(s => s.Signal.MessageId).Distinct().ToArray());
        var fresh = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            fresh.Add(reader.GetGuid(0));
        return fresh;
    }
}
