namespace Bridge.Host.Infrastructure.Audit;

/// <summary>Walks every day's chain; the first link that does not hold, and how many rows were checked.</summary>
public static class AuditVerifier
{
    public static async Task<(long Rows, AuditBreak? Break)> VerifyAsync(IAuditTrail trail, CancellationToken ct)
    {
        long rows = 0;
        foreach (var day in await trail.DaysAsync(ct))
        {
            var chain = await trail.ReadDayAsync(day, ct);
            if (AuditChain.FirstBreak(chain) is { } broken)
            {
                return (rows + broken.Sequence - 1, broken);
            }

            rows += chain.Count;
        }

        return (rows, null);
    }
}
