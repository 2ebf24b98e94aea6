using Hangfire;

namespace Bridge.Host.Infrastructure.Scheduling;

/// <summary>
/// Keeps scheduling token → Hangfire job id in Hangfire's own storage (a hash per token), so it is exactly as durable
/// as the jobs: memory in embedded mode, PostgreSQL in production.
/// </summary>
public sealed class ScheduledJobTokens(JobStorage storage)
{
    const string JobIdField = "job-id";
    const string CancelledField = "cancelled";
    static readonly TimeSpan TombstoneLifetime = TimeSpan.FromDays(1);

    public string? FindJobId(Guid tokenId) => Find(tokenId).JobId;

    /// <summary>The token's job (if scheduled) and whether a cancel came first, in one read.</summary>
    public (string? JobId, bool Cancelled) Find(Guid tokenId)
    {
        using var connection = storage.GetConnection();
        var entries = connection.GetAllEntriesFromHash(Key(tokenId));
        if (entries is null)
            return (null, false);
        return (entries.TryGetValue(JobIdField, out var jobId) ? jobId : null, entries.ContainsKey(CancelledField));
    }

    public void Remember(Guid tokenId, string jobId)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(Key(tokenId), [new KeyValuePair<string, string>(JobIdField, jobId)]);
        transaction.Commit();
    }

    /// <summary>
    /// A cancel that overtook its schedule (both travel through the scheduler queue, possibly on different consumers):
    /// remember it, so the late schedule is dropped. Tokens are never reused, so the mark cannot hit a later schedule.
    /// </summary>
    public void MarkCancelled(Guid tokenId)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(Key(tokenId), [new KeyValuePair<string, string>(CancelledField, "1")]);
        if (transaction is Hangfire.Storage.JobStorageTransaction expiring)
            expiring.ExpireHash(Key(tokenId), TombstoneLifetime);
        transaction.Commit();
    }

    public void Forget(Guid tokenId)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveHash(Key(tokenId));
        transaction.Commit();
    }

    static string Key(Guid tokenId) => $"bridge-schedule:{tokenId:N}";
}
