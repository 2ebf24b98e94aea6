using Hangfire;

namespace Bridge.Host.Scheduling;

/// <summary>
/// Keeps scheduling token → Hangfire job id in Hangfire's own storage (a hash per token), so it is exactly as durable
/// as the jobs: memory in embedded mode, PostgreSQL in production.
/// </summary>
public sealed class ScheduledJobTokens(JobStorage storage)
{
    const string JobIdField = "job-id";

    public string? FindJobId(Guid tokenId)
    {
        using var connection = storage.GetConnection();
        var entries = connection.GetAllEntriesFromHash(Key(tokenId));
        return entries is not null && entries.TryGetValue(JobIdField, out var jobId) ? jobId : null;
    }

    public void Remember(Guid tokenId, string jobId)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(Key(tokenId), [new KeyValuePair<string, string>(JobIdField, jobId)]);
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
