using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bridge.Host.Infrastructure.Audit;

/// <summary>
/// Tamper evidence: each day's rows form a chain; a row's hash covers every field and the previous row's hash (the
/// first row of a day links to <see cref="Genesis"/>). Changing, removing or reordering a row breaks every link after it.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Hash(DateOnly day, long sequence, AuditEntry e, string previousHash)
    {
        var text = string.Join('\u001f',
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sequence.ToString(CultureInfo.InvariantCulture), previousHash,
            e.At.UtcTicks.ToString(CultureInfo.InvariantCulture), e.Direction, e.System, e.Adapter, e.MessageType, e.MessageId ?? "",
            e.CorrelationId ?? "", e.Size.ToString(CultureInfo.InvariantCulture), e.Result, e.Reason ?? "",
            e.DurationMs.ToString("R", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The first row of a day (rows in sequence order) that does not link, or null when the chain holds.</summary>
    public static AuditBreak? FirstBreak(IEnumerable<AuditRow> day)
    {
        var previous = Genesis;
        long expected = 1;
        foreach (var row in day)
        {
            if (row.Sequence != expected)
            {
                return new AuditBreak(row.Day, row.Sequence, $"sequence {row.Sequence} follows {expected - 1}: a row is missing or was inserted");
            }

            if (row.PreviousHash != previous)
            {
                return new AuditBreak(row.Day, row.Sequence, "does not link to the row before it (that row was changed or removed)");
            }

            if (Hash(row.Day, row.Sequence, row.Entry, row.PreviousHash) != row.Hash)
            {
                return new AuditBreak(row.Day, row.Sequence, "its content does not match its hash (the row was changed)");
            }

            previous = row.Hash;
            expected++;
        }

        return null;
    }
}
