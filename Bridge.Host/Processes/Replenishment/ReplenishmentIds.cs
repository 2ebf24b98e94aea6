using System.Security.Cryptography;
using System.Text;

namespace Bridge.Host.Processes.Replenishment;

/// <summary>The saga key of a line-side location, and the replenishment ids it issues (they carry the key back).</summary>
public static class ReplenishmentIds
{
    public static Guid ForLocation(string location)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("bridge:line-side:" + location));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Only letters, digits and '-' from the location, so the id is safe in a WMS file name or URL path.</summary>
    public static string Request(string location, int sequence)
    {
        var safe = new string(location.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').Take(40).ToArray());
        return $"RP-{safe}-{sequence:D4}";
    }

    /// <summary>The message id of a request's attempt (and of its overdue report): a WMS that dedups by message id sees a re-send as the same message.</summary>
    public static Guid Message(string replenishmentId, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"bridge:replenishment:{replenishmentId}:{what}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>The message id of what the projection tells the saga about one signal: a re-sent notice is the same message to the saga's inbox.</summary>
    public static Guid Notice(Guid signalId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"bridge:line-side-notice:{signalId:N}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
